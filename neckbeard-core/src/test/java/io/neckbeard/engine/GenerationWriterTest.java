package io.neckbeard.engine;

import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.coordinator.InMemoryCoordinatorBackend;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationWriterTest {
    private final InMemoryCoordinatorBackend backend = new InMemoryCoordinatorBackend();

    @Test
    void everyChangeFromManyNodeThreadsIsStoredAndVisibleWhenItsCallReturns() throws Exception {
        try (EnvironmentSession session = new Coordinator(backend).session("prod", "up", List.of("up", "prod"))) {
            session.update(s -> s.withGeneration(new Generation(1, GenerationState.ACTIVE, Instant.EPOCH, null, null, List.of())));
            GenerationWriter writer = new GenerationWriter(session, 1);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Boolean>> seen = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                String node = "web-" + i;
                seen.add(pool.submit(() -> {
                    writer.resource(node, "web", "az-a", new Resource("r-" + node, "local", "127.0.0.1", ResourceState.RUNNING,
                            Map.of(), Map.of("port", "1")), 1, null);
                    writer.provisioned(node, "sha256:slug", "sha256:cfg", new NodeHealth(true, Instant.EPOCH, "200"));
                    writer.operational(node, true);
                    NodeRecord stored = backend.read("prod").generation(1).orElseThrow().nodes().stream()
                            .filter(r -> r.name().equals(node)).findFirst().orElseThrow();
                    return stored.operational() && "sha256:slug".equals(stored.provisionedSlug());
                }));
            }
            for (Future<Boolean> future : seen) {
                assertThat(future.get()).isTrue();
            }
            pool.shutdown();
        }

        Generation stored = backend.read("prod").generation(1).orElseThrow();
        assertThat(stored.nodes()).hasSize(40).allMatch(NodeRecord::operational);
        assertThat(stored.nodes()).extracting(NodeRecord::name).as("launch order does not matter")
                .startsWith("web-1", "web-2", "web-3").endsWith("web-39", "web-40");
    }

    @Test
    void aChangeThatFailsIsReportedToItsCaller() {
        try (EnvironmentSession session = new Coordinator(backend).session("prod", "up", List.of())) {
            session.update(s -> s.withGeneration(new Generation(1, GenerationState.ACTIVE, Instant.EPOCH, null, null, List.of())));
            GenerationWriter writer = new GenerationWriter(session, 1);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.operational("web-9", true))
                    .hasMessageContaining("web-9 has no record in generation 1");
        }
    }
}
