package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A provisioning script fails on one node in the middle of a rolling deploy of six real nodes. */
class FailedRollTest {
    private static final String ROLL = "extends: base\nnodes: {web: {count: 6, min_per_az: 2}}\n";

    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void failureStopsTheRollKeepsEveryAzAtItsFloorAndNamesTheNode() throws Exception {
        project.writeEnvironment("roll", ROLL);
        assertThat(project.run("up", "roll").exit()).isZero();
        Generation active = project.state("roll").active().orElseThrow();
        assertThat(active.nodes()).hasSize(6);
        project.writeEnvironment("roll", ROLL + "node_params: {web: {provision: {sleep: \"1\", fail_node: web-4}}}\n");

        Sampler sampler = new Sampler(active);
        Thread thread = new Thread(sampler);
        thread.start();
        Cli.Run up;
        try {
            up = project.run("up", "roll");
        } finally {
            sampler.stop.set(true);
            thread.join();
        }

        assertThat(up.exit()).isEqualTo(1);
        assertThat(up.out()).containsPattern("web-4 +web +local-b +take-out, provision, put-back +failed +provision:")
                .contains("disk full on web-4")
                // web-6 waits for web-4, its AZ's only free slot, so it never starts; web-5 (local-a) may
                // have started before web-4 failed, and then finishes: the rollout stops what it has not begun
                .containsPattern("web-6 .* skipped +not started").containsPattern("web-5 .* (ok|skipped) ")
                .containsPattern("web-1 .* ok");
        assertThat(up.err()).contains("failed on web-4");
        assertThat(sampler.samples.get()).isGreaterThan(10);
        assertThat(sampler.minServing).containsOnlyKeys("local-a", "local-b")
                .allSatisfy((az, min) -> assertThat(min).as("nodes answering HTTP in %s", az).isGreaterThanOrEqualTo(2));
        assertThat(sampler.minOperational).containsOnlyKeys("local-a", "local-b")
                .allSatisfy((az, min) -> assertThat(min).as("operational in the state in %s", az).isGreaterThanOrEqualTo(2));
        NodeRecord failed = project.state("roll").active().orElseThrow().nodes().stream()
                .filter(n -> n.name().equals("web-4")).findFirst().orElseThrow();
        assertThat(failed.operational()).isFalse();
    }

    /** Polls the real nodes over HTTP and the state on disk, keeping the lowest per-AZ counts seen. */
    private final class Sampler implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger samples = new AtomicInteger();
        final Map<String, Integer> minServing = new ConcurrentHashMap<>();
        final Map<String, Integer> minOperational = new ConcurrentHashMap<>();
        private final Generation generation;

        Sampler(Generation generation) {
            this.generation = generation;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                Map<String, Integer> serving = new ConcurrentHashMap<>();
                generation.nodes().parallelStream().forEach(node -> serving.merge(node.az(),
                        EngineProject.get(EngineProject.port(node), "/health") == null ? 0 : 1, Integer::sum));
                serving.forEach((az, count) -> minServing.merge(az, count, Math::min));
                Map<String, Integer> operational = new ConcurrentHashMap<>(Map.of("local-a", 0, "local-b", 0));
                project.state("roll").active().orElseThrow().nodes().stream().filter(NodeRecord::operational)
                        .forEach(node -> operational.merge(node.az(), 1, Integer::sum));
                operational.forEach((az, count) -> minOperational.merge(az, count, Math::min));
                samples.incrementAndGet();
            }
        }
    }
}
