package io.neckbeard.transport.local;

import io.neckbeard.testing.Processes;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTransportTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void runsInTheNodeDirectoryWithTheGivenVariablesAndStreamsEveryLine() {
        LocalTransport transport = new LocalTransport(dir, "local:app-1", Map.of("BASE", "b"));
        List<String> lines = new ArrayList<>();

        CommandResult result = transport.run("pwd; echo \"$BASE $EXTRA\"; echo oops >&2; exit 3",
                Map.of("EXTRA", "x y"), TIMEOUT, lines::add);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(lines).containsExactly(dir.toString(), "b x y", "oops");
        assertThat(result.outputTail()).isEqualTo(dir + "\nb x y\noops");
    }

    @Test
    void killsTheProcessTreeWhenTheTimeoutPasses() throws Exception {
        LocalTransport transport = new LocalTransport(dir, "local:app-1");

        assertThatThrownBy(() -> transport.run("sleep 60 & echo $! > child.pid; wait", Map.of(), Duration.ofMillis(700), l -> { }))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("did not finish within");

        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        Processes.waitUntilGone(child);
        assertThat(Processes.running(child)).isFalse();
    }

    /**
     * The cause of the rare failed first {@code up} of the 40-node benchmark: output was read by
     * another thread that {@code run} waited on for a fixed 2 s grace only, so on a busy machine
     * {@code cat Procfile} came back empty. A consumer slower than that grace stands in for the busy machine.
     */
    @Test
    @Timeout(30)
    void returnsEveryLineTheCommandWroteEvenWhenTheConsumerLagsBehind() {
        List<String> seen = new ArrayList<>();
        CommandResult result = new LocalTransport(dir, "t").run("printf 'web: a\\nworker: b\\nclock: c\\nlast'", Map.of(), TIMEOUT,
                line -> {
                    sleep(1200);
                    seen.add(line);
                });

        assertThat(seen).containsExactly("web: a", "worker: b", "clock: c", "last");
        assertThat(result.outputTail()).isEqualTo("web: a\nworker: b\nclock: c\nlast");
    }

    @Test
    @Timeout(30)
    void doesNotWaitForABackgroundProcessThatKeepsTheOutputOpen() throws Exception {
        CommandResult result = new LocalTransport(dir, "t").run("sleep 60 & echo $! > bg.pid; echo started", Map.of(), TIMEOUT, l -> { });

        assertThat(result.outputTail()).isEqualTo("started");
        ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("bg.pid")).strip())).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void uploadsAFileAndADirectoryTreeCreatingParents() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/a/b"));
        Files.writeString(source.resolve("deep.txt"), "deep");
        Files.writeString(dir.resolve("src/top.txt"), "top");
        Path node = Files.createDirectories(dir.resolve("node"));
        LocalTransport transport = new LocalTransport(node, "t");

        transport.upload(dir.resolve("src"), node.resolve("copy").toString());
        transport.upload(dir.resolve("src/top.txt"), "one/two/file.txt");

        assertThat(node.resolve("copy/a/b/deep.txt")).hasContent("deep");
        assertThat(node.resolve("copy/top.txt")).hasContent("top");
        assertThat(node.resolve("one/two/file.txt")).hasContent("top");
    }
}
