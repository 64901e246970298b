package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.yaml.AuditLines;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Latency of the local-yaml backend (run by {@code bench/coordinator}): a compare-and-set write
 * (read + write), a lock acquire + release, at 10, 100 and 1,000 generations of 50 nodes, and an
 * audit append at 10 and 100,000 entries. Prints medians in milliseconds. Each history size is
 * measured twice: as deploys leave it (every generation but the active and the newest old one
 * terminated, so without node records) and as a worst case in which no generation was ever
 * terminated and all keep their 50 node records.
 */
public final class CoordinatorBench {
    private static final int NODES = 50;

    private CoordinatorBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("neckbeard-bench");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        LocalYamlBackend backend = new LocalYamlBackend(dir);
        long pid = ProcessHandle.current().pid();
        for (int generations : new int[] {10, 100, 1000}) {
            for (boolean terminated : new boolean[] {true, false}) {
                measure(backend, runs, pid, dir, generations, terminated);
            }
        }
        for (int entries : new int[] {10, 100_000}) {
            String env = "audit" + entries;
            Files.createDirectories(dir.resolve(env));
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(env).resolve("audit.log"), StandardCharsets.UTF_8)) {
                for (int i = 0; i < entries; i++) {
                    out.write(AuditLines.encode(entry(env, i)));
                    out.write('\n');
                }
            }
            int[] counter = {entries};
            double append = median(runs, () -> backend.append(entry(env, counter[0]++)));
            double tail = median(runs, () -> backend.audit(env, 20));
            System.out.printf("audit_entries=%d append_median_ms=%.2f read_newest_20_median_ms=%.2f%n",
                    entries, append, tail);
        }
    }

    private static void measure(LocalYamlBackend backend, int runs, long pid, Path dir, int generations, boolean terminated)
            throws IOException {
        String env = "g" + generations + (terminated ? "-terminated" : "-all-old");
        backend.write(history(env, generations, terminated));
        long bytes = Files.size(dir.resolve(env).resolve("state.yml"));
        double cas = median(runs, () -> {
            EnvironmentState current = backend.read(env);
            backend.write(current.withVars(Map.of("N", String.valueOf(current.version()))));
        });
        double lock = median(runs, () -> {
            LockInfo held = backend.acquire(env, "bench@host", "host", pid, "bench", Duration.ofMinutes(1));
            backend.release(held);
        });
        System.out.printf("generations=%d history=%s state.yml=%dKiB cas_write_median_ms=%.2f lock_acquire_release_median_ms=%.2f%n",
                generations, terminated ? "terminated" : "all-old", bytes / 1024, cas, lock);
    }

    /** {@code generations} generations of 50 nodes; all but the two newest terminated, or all kept. */
    public static EnvironmentState history(String env, int generations, boolean terminated) {
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        EnvironmentState state = EnvironmentState.empty(env).withScale(Map.of("app", NODES));
        for (int g = 1; g <= generations; g++) {
            List<NodeRecord> nodes = new ArrayList<>();
            for (int n = 1; n <= NODES; n++) {
                nodes.add(new NodeRecord("app-" + n, "app", n % 2 == 0 ? "us-east-1b" : "us-east-1a", "ec2",
                        "i-" + g + "-" + n, "10.0." + g % 250 + "." + n, at, "sha256:" + g, "sha256:c" + g,
                        new NodeHealth(true, at, "HTTP 200"), g == generations, Map.of()));
            }
            GenerationState kind = g == generations ? GenerationState.ACTIVE
                    : terminated && g < generations - 1 ? GenerationState.TERMINATED : GenerationState.OLD;
            Generation generation = new Generation(g, GenerationState.OLD, at.plusSeconds(g), "sha256:" + g, "sha256:c" + g, nodes);
            state = state.withGeneration(EnvironmentState.withState(generation, kind));
        }
        return state;
    }

    private static AuditEntry entry(String env, int i) {
        return new AuditEntry(Instant.now(), "bench", "host", env, "up", List.of("up", env), (long) i, "ok",
                Duration.ofSeconds(1));
    }

    /** The median of {@code runs} timed runs of {@code action} in milliseconds, after three untimed ones. */
    public static double median(int runs, Runnable action) {
        for (int i = 0; i < 3; i++) {
            action.run(); // warm-up: JIT and file cache
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
