package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.localyaml.CoordinatorBench;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.testing.moto.MotoServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * local-yaml beside s3-yaml on moto (run by {@code bench/coordinator}): lock acquire + release, a
 * compare-and-set write (read + write), what {@code status} reads (state + lock), an audit append
 * and {@code history}'s newest 20, on an environment of 100 generations x 50 nodes (older ones
 * terminated). Prints medians in milliseconds, one line per backend.
 * {@code BackendLatencyBench <moto_server> [RUNS]}
 */
public final class BackendLatencyBench {
    private BackendLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        try (MotoServer moto = MotoServer.start(Path.of(args[0]))) {
            MotoS3.createBucket(moto);
            try (CoordinatorBackend local = new LocalYamlBackend(Files.createTempDirectory("neckbeard-bench"));
                 CoordinatorBackend s3 = MotoS3.backend(moto)) {
                measure("local-yaml", local, runs);
                measure("s3-yaml(moto)", s3, runs);
            }
        }
    }

    private static void measure(String name, CoordinatorBackend backend, int runs) {
        String env = "production";
        backend.write(CoordinatorBench.history(env, 100, true));
        long pid = ProcessHandle.current().pid();
        double lock = CoordinatorBench.median(runs, () -> backend.release(
                backend.acquire(env, "bench@host", "host", pid, "bench", Duration.ofMinutes(1))));
        double cas = CoordinatorBench.median(runs, () -> {
            EnvironmentState current = backend.read(env);
            backend.write(current.withVars(Map.of("N", String.valueOf(current.version()))));
        });
        double status = CoordinatorBench.median(runs, () -> {
            backend.read(env);
            backend.lock(env);
        });
        double append = CoordinatorBench.median(runs, () -> backend.append(new AuditEntry(Instant.now(), "bench", "host",
                env, "up", List.of("up", env), 1L, "ok", Duration.ofSeconds(1))));
        double history = CoordinatorBench.median(runs, () -> backend.audit(env, 20));
        System.out.printf("backend=%s lock_acquire_release_median_ms=%.2f cas_write_median_ms=%.2f status_median_ms=%.2f "
                + "audit_append_median_ms=%.2f history_20_median_ms=%.2f%n", name, lock, cas, status, append, history);
    }
}
