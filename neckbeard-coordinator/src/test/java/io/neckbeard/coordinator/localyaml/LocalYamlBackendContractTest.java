package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendContract;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.coordinator.WriterProcesses;
import io.neckbeard.state.EnvironmentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalYamlBackendContractTest extends CoordinatorBackendContract {
    @TempDir
    Path dir;

    @Override
    protected CoordinatorBackend createBackend() {
        return openProjectState();
    }

    /** Opened as the next command would: through the factory, over the same files, with an empty cache. */
    @Override
    protected CoordinatorBackend reopenBackend() {
        return openProjectState();
    }

    @Test
    void theProbeWritesAndRemovesAScratchFileInTheStateDirectoryOrItsNearestParent() throws Exception {
        CoordinatorBackend backend = createBackend();
        java.nio.file.Files.createDirectories(dir.resolve("state"));

        assertThat(backend.probe()).isEqualTo("wrote and removed a file in " + dir.resolve("state"));
        assertThat(dir.resolve("state")).isEmptyDirectory();
        java.nio.file.Files.delete(dir.resolve("state"));
        assertThat(backend.probe()).isEqualTo("wrote and removed a file in " + dir);
        assertThat(dir.resolve("state")).doesNotExist();
    }

    private CoordinatorBackend openProjectState() {
        return new LocalYamlBackendFactory().create(new CoordinatorContext(dir, "contract", Map.of("path", "state"), null));
    }

    @Test
    void eightWriterProcessesLoseNoIncrement() throws Exception {
        backend.write(EnvironmentState.empty("production").withScale(Map.of("app", 0)));
        WriterProcesses.run(8, dir, Map.of(), List.of(dir.toString(), "production", "50", "local-yaml", "path=state"));

        EnvironmentState end = reopened.read("production");
        assertThat(end.scale()).containsEntry("app", 400);
        assertThat(end.version()).isEqualTo(401);
    }

    @Test
    void twoBackendsOverOneDirectoryInOneJvmLoseNoIncrement() throws Exception {
        backend.write(EnvironmentState.empty("production").withScale(Map.of("app", 0)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CoordinatorBackend writer = i % 2 == 0 ? backend : reopened;
                done.add(pool.submit(() -> increments(writer, "production", 25)));
            }
            for (Future<Integer> writer : done) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(reopened.read("production").scale()).containsEntry("app", 100);
    }
}
