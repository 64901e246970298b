package io.neckbeard.engine;

import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a rolling {@code up} does with the balancer, on real local nodes behind the counting balancer. */
class RollingBalancerTest {
    private static final List<String> ARGUMENTS = List.of();

    @RegisterExtension
    final EngineFixture fixture = new EngineFixture();

    /** Events of the nodes' steps and the balancer's calls, in the order they happened. */
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private final Progress recording = new Progress() {
        @Override
        public void step(String node, String step) {
            events.add(node + " " + step);
        }

        @Override
        public void output(String node, String line) {
        }

        @Override
        public void finished(NodeOutcome outcome) {
        }

        @Override
        public void message(String text) {
        }
    };

    @Test
    void aNodeLeavesTheBalancerBeforeItIsProvisionedAndReturnsOnlyAfterItsHealthCheck() throws IOException {
        fixture.writeEnvironment("""
                extends: base
                nodes: {web: {count: 4, min_per_az: 1}}
                """);
        try (DeployContext context = fixture.open()) {
            assertThat(new UpService(context, EngineFixture.SILENT).up(false, null, ARGUMENTS).result()).isEqualTo("ok");
            Files.writeString(fixture.root().resolve("Procfile"), "web: exec sleep 601\n");
            EngineFixture.loadBalancer(context).alsoLogTo(events);

            DeployResult rolled = new UpService(context, recording).up(false, null, ARGUMENTS);

            assertThat(rolled.result()).isEqualTo("ok");
            for (String node : List.of("web-1", "web-2", "web-3", "web-4")) {
                String id = "dev/g1-" + node;
                assertThat(events.indexOf("deregister " + id)).as(node + " leaves the balancer before it is provisioned")
                        .isGreaterThanOrEqualTo(0).isLessThan(events.indexOf(node + " provision"));
                assertThat(events.indexOf("register " + id)).as(node + " returns after its health check")
                        .isGreaterThan(events.indexOf(node + " health"));
                assertThat(events.indexOf("health " + id)).as(node + ": the balancer is asked whether it serves")
                        .isGreaterThan(events.indexOf("register " + id));
            }
        }
    }

    @Test
    void aNodeTheBalancerFindsUnhealthyFailsWithTheBalancersReasonAndLeavesTheBalancerAgain() {
        try (DeployContext context = fixture.open()) {
            EngineFixture.loadBalancer(context).failChecks("Target.ResponseCodeMismatch: 502");
            EngineFixture.loadBalancer(context).alsoLogTo(events);

            DeployResult result = new UpService(context, EngineFixture.SILENT).up(false, null, ARGUMENTS);

            assertThat(result.result()).isEqualTo("failed");
            assertThat(result.nodes()).filteredOn(n -> n.result().equals("failed")).isNotEmpty()
                    .allSatisfy(n -> assertThat(n.detail()).startsWith("register: ").contains("Target.ResponseCodeMismatch: 502"));
            assertThat(context.coordinator().read("dev").generations()).flatExtracting(g -> g.nodes())
                    .extracting(NodeRecord::operational).containsOnly(false);
            for (NodeOutcome failed : result.nodes().stream().filter(n -> n.result().equals("failed")).toList()) {
                String id = "dev/g1-" + failed.name();
                assertThat(events.lastIndexOf("deregister " + id)).as(failed.name() + " is taken out again")
                        .isGreaterThan(events.lastIndexOf("register " + id));
            }
        }
    }
}
