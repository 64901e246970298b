package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.GenerationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code promote} and {@code rollback} cost in provider and load balancer calls (each one an
 * API call with a cloud provider or balancer), counted on real local nodes, and that saving them
 * keeps every check.
 */
class GenerationSwitchCallsTest {
    private static final List<String> ARGUMENTS = List.of();

    @RegisterExtension
    final EngineFixture fixture = new EngineFixture();

    @Test
    void rollbackRefreshesTheNodesOfTheGenerationItActivatesInOneBatchedCall() {
        try (DeployContext context = fixture.open()) {
            activeOldPair(context);
            CountingLocalProviderFactory.CountingProvider provider = EngineFixture.provider(context);
            provider.forget();

            DeployResult rolledBack = new RollbackService(context, EngineFixture.SILENT).rollback(null, ARGUMENTS);

            assertThat(rolledBack.result()).isEqualTo("ok");
            assertThat(context.coordinator().read("dev").active().orElseThrow().id()).isEqualTo(1);
            assertThat(provider.calls()).filteredOn(call -> call.startsWith("refresh"))
                    .containsExactly("refreshAll dev/g1-web-1 dev/g1-web-2");
        }
    }

    @Test
    void promoteRefreshesThePendingNodesInOneBatchedCall() {
        try (DeployContext context = fixture.open()) {
            activeAndPending(context);
            CountingLocalProviderFactory.CountingProvider provider = EngineFixture.provider(context);
            provider.forget();

            ok(new PromoteService(context, EngineFixture.SILENT).promote(ARGUMENTS));

            assertThat(provider.calls()).filteredOn(call -> call.startsWith("refresh"))
                    .containsExactly("refreshAll dev/g2-web-1 dev/g2-web-2");
        }
    }

    @Test
    void statusRefreshesEveryLiveNodeInOneBatchedCall() {
        try (DeployContext context = fixture.open()) {
            activeOldPair(context);
            CountingLocalProviderFactory.CountingProvider provider = EngineFixture.provider(context);
            provider.forget();

            var health = new LiveHealth(context).check(context.coordinator().read("dev"));

            assertThat(health.get(2L).values()).allSatisfy(node -> assertThat(node.healthy()).as(node.detail()).isTrue());
            assertThat(provider.calls()).filteredOn(call -> call.startsWith("refresh"))
                    .containsExactly("refreshAll dev/g1-web-1 dev/g1-web-2 dev/g2-web-1 dev/g2-web-2");
        }
    }

    @Test
    void promoteRegistersAndDeregistersEachTypesNodesInOneBalancerCallEach() {
        try (DeployContext context = fixture.open()) {
            activeAndPending(context);
            CountingLoadBalancerFactory.CountingLoadBalancer balancer = EngineFixture.loadBalancer(context);
            balancer.forget();

            ok(new PromoteService(context, EngineFixture.SILENT).promote(ARGUMENTS));

            // a deregistration waits out the balancer's drain time: once for the generation, not once per node
            assertThat(balancer.calls()).containsExactly("register dev/g2-web-1 dev/g2-web-2",
                    "health dev/g2-web-1 dev/g2-web-2", "deregister dev/g1-web-1 dev/g1-web-2");
        }
    }

    @Test
    void promoteAndRollbackTellTheProviderWhichResourcesAreActiveNowAndWhichRetired() {
        try (DeployContext context = fixture.open()) {
            activeAndPending(context);
            CountingLocalProviderFactory.CountingProvider provider = EngineFixture.provider(context);
            provider.forget();

            ok(new PromoteService(context, EngineFixture.SILENT).promote(ARGUMENTS));
            ok(new RollbackService(context, EngineFixture.SILENT).rollback(null, ARGUMENTS));

            assertThat(provider.calls()).filteredOn(call -> call.startsWith("promoted")).containsExactly(
                    "promoted dev/g2-web-1 dev/g2-web-2 / dev/g1-web-1 dev/g1-web-2",
                    "promoted dev/g1-web-1 dev/g1-web-2 / dev/g2-web-1 dev/g2-web-2");
        }
    }

    @Test
    void aProviderThatFailsAtPromoteLeavesTheSwitchUnrecordedAndTheNewNodesOutOfTheBalancer() {
        try (DeployContext context = fixture.open()) {
            activeAndPending(context);
            EngineFixture.provider(context).failPromoted("cannot move Elastic IP 127.0.0.9");
            CountingLoadBalancerFactory.CountingLoadBalancer balancer = EngineFixture.loadBalancer(context);
            balancer.forget();

            assertThatThrownBy(() -> new PromoteService(context, EngineFixture.SILENT).promote(ARGUMENTS))
                    .isInstanceOf(NeckbeardException.class).hasMessage("cannot move Elastic IP 127.0.0.9");

            assertThat(context.coordinator().read("dev").active().orElseThrow().id()).isEqualTo(1);
            assertThat(context.coordinator().read("dev").generation(2).orElseThrow().state()).isEqualTo(GenerationState.PENDING);
            assertThat(balancer.calls()).containsExactly("register dev/g2-web-1 dev/g2-web-2",
                    "health dev/g2-web-1 dev/g2-web-2", "deregister dev/g2-web-1 dev/g2-web-2");
        }
    }

    @Test
    void aVanishedResourceStillLeavesNothingToRollBackTo() {
        try (DeployContext context = fixture.open()) {
            activeOldPair(context);
            EngineFixture.provider(context).terminate(EngineFixture.provider(context).refresh(
                    NodeRecords.resource(context.coordinator().read("dev").generation(1).orElseThrow().nodes().get(0))));
            RollbackService rollback = new RollbackService(context, EngineFixture.SILENT);

            assertThatThrownBy(() -> rollback.rollback(null, ARGUMENTS)).isInstanceOfSatisfying(NeckbeardException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                assertThat(e.getMessage()).isEqualTo("nothing to roll back to: dev has no old generation whose resources still run");
            });
            assertThatThrownBy(() -> rollback.rollback(1L, ARGUMENTS)).isInstanceOfSatisfying(NeckbeardException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                assertThat(e.getMessage()).isEqualTo("cannot roll dev back to generation 1: some of its resources no longer run");
            });
            assertThat(context.coordinator().read("dev").active().orElseThrow().id()).isEqualTo(2);
        }
    }

    @Test
    void aResourceThatVanishesWhileTheBeforeHookRunsStillStopsTheRollback() throws IOException {
        fixture.writeEnvironment("""
                extends: base
                hooks:
                  before_rollback: ["rm .neckbeard/local/dev/g1-web-1/node.json"]
                """);
        try (DeployContext context = fixture.open()) {
            activeOldPair(context);
            assertThat(fixture.root().resolve(".neckbeard/local/dev/g1-web-1/node.json")).exists();

            assertThatThrownBy(() -> new RollbackService(context, EngineFixture.SILENT).rollback(1L, ARGUMENTS))
                    .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                        assertThat(e.getMessage()).isEqualTo("cannot roll dev back to generation 1: some of its resources no longer run");
                    });
            EnvironmentState state = context.coordinator().read("dev");
            assertThat(state.active().orElseThrow().id()).isEqualTo(2);
            assertThat(state.generation(1).orElseThrow().state()).isEqualTo(GenerationState.OLD);
            assertThat(Files.exists(fixture.root().resolve(".neckbeard/local/dev/g1-web-1/node.json"))).isFalse();
        }
    }

    private static void ok(DeployResult result) {
        assertThat(result.result()).as("%s", result).isEqualTo("ok");
    }

    /** Generation 1 old, generation 2 active, every node running. */
    /** Generation 1 active, generation 2 built beside it. */
    private static void activeAndPending(DeployContext context) {
        ok(new UpService(context, EngineFixture.SILENT).up(false, null, ARGUMENTS));
        ok(new UpService(context, EngineFixture.SILENT).up(true, null, ARGUMENTS));
    }

    private static void activeOldPair(DeployContext context) {
        activeAndPending(context);
        ok(new PromoteService(context, EngineFixture.SILENT).promote(ARGUMENTS));
    }
}
