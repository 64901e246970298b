package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.Neckbeard;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.Poll;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ps} and {@code logs} on real local nodes of the active generation. */
class PsAndLogsTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    Generation active;

    @BeforeEach
    void deploy() {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
        active = project.state("dev").active().orElseThrow();
    }

    private NodeRecord node(String name) {
        return active.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void psGivesEachNodesProcessWithThePidOfTheRunningAppProcess() {
        Cli.Run ps = project.run("-o", "json", "ps", "dev");

        assertThat(ps.exit()).as(ps.err()).isZero();
        JsonNode nodes = ps.json().get("nodes");
        assertThat(nodes).hasSize(2);
        for (JsonNode node : nodes) {
            JsonNode web = node.at("/processes/0");
            assertThat(web.get("name").asText()).isEqualTo("web");
            assertThat(web.get("state").asText()).isEqualTo("running");
            assertThat(web.get("restarts").asInt()).isZero();
            assertThat(web.get("uptime_seconds").asLong()).isNotNegative();
            long pid = web.get("pid").asLong();
            assertThat(Path.of("/proc/" + pid)).as("pid %d in the process table", pid).exists();
            assertThat(EngineProject.appProcesses(EngineProject.nodeDir(node(node.get("node").asText()))))
                    .extracting(ProcessHandle::pid).contains(pid);
        }
    }

    @Test
    void psAsTextIsATableAndANodeFilterNarrowsIt() {
        Cli.Run ps = project.run("ps", "dev", "--node", "web-2");

        assertThat(ps.exit()).as(ps.err()).isZero();
        assertThat(ps.out()).startsWith("NODE").containsPattern("(?m)^web-2 +web +web +running +\\d+ +\\d+s +0$")
                .doesNotContain("web-1");
    }

    @Test
    void nodeAndTypeTogetherAreAUsageError() {
        Cli.Run ps = project.run("ps", "dev", "--node", "web-1", "--type", "web");

        assertThat(ps.exit()).isEqualTo(2);
        assertThat(ps.err()).contains("--node web-1 and --type web cannot be combined");
    }

    @Test
    void logsShowTheLastLinesTheAppWrotePrefixedByNodeAndProcess() {
        for (String word : List.of("first", "second", "third")) {
            assertThat(EngineProject.get(EngineProject.port(node("web-1")), "/say/" + word)).isEqualTo("said\n");
        }

        Cli.Run logs = project.run("logs", "dev", "-n", "2");
        Cli.Run json = project.run("-o", "json", "logs", "dev", "--node", "web-1", "--process", "web", "-n", "1");

        assertThat(logs.exit()).as(logs.err()).isZero();
        assertThat(logs.out()).contains("web-1 web | second" + System.lineSeparator() + "web-1 web | third")
                .doesNotContain("first").doesNotContain("web-2 web | third");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.json().at("/lines/0/line").asText()).isEqualTo("third");
        assertThat(json.json().get("lines")).hasSize(1);
    }

    @Test
    void followedLogsSeeLinesWrittenAfterTheCommandStartedUntilItIsStopped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread follower = new Thread(() -> exit.set(Neckbeard.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                "-C", project.root().toString(), "logs", "dev", "-f", "-n", "0")));
        follower.start();

        int port = EngineProject.port(node("web-2"));
        for (int i = 0; i < 300 && !out.toString(StandardCharsets.UTF_8).contains("web-2 web | after-"); i++) {
            EngineProject.get(port, "/say/after-" + i);
            Thread.sleep(100);
        }
        follower.interrupt();
        follower.join(60_000);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("web-2 web | after-").doesNotContain("web-1 web | after-");
        assertThat(follower.isAlive()).as("the follow ended").isFalse();
        assertThat(exit.get()).isZero();
        // the killed tails leave the process table a moment after the follow ends
        Poll.until("no tail outlives the follow", () -> ProcessHandle.current().descendants()
                .noneMatch(p -> Processes.running(p) && p.info().commandLine().orElse("").contains("tail")));
    }

    @Test
    void logsOfAnotherGenerationReadItsNodesAndAnUnknownOneIsAUsageError() {
        Cli.Run pending = project.run("up", "dev", "--pending");
        assertThat(pending.exit()).as(pending.err()).isZero();
        NodeRecord pendingWeb1 = project.state("dev").pending().orElseThrow().nodes().stream()
                .filter(n -> n.name().equals("web-1")).findFirst().orElseThrow();
        assertThat(EngineProject.get(EngineProject.port(pendingWeb1), "/say/from-generation-2")).isEqualTo("said\n");

        Cli.Run second = project.run("logs", "dev", "--generation", "2", "--node", "web-1");
        Cli.Run active = project.run("logs", "dev", "--node", "web-1");
        Cli.Run unknown = project.run("logs", "dev", "--generation", "9");

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("web-1 web | from-generation-2");
        assertThat(active.out()).doesNotContain("from-generation-2");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("dev has no generation 9").contains("1 (active), 2 (pending)");
    }

    @Test
    void directLogsLiveInTheStackRootsLogsDirectory() throws Exception {
        EngineProject.get(EngineProject.port(node("web-1")), "/say/on-disk");

        Path log = EngineProject.nodeDir(node("web-1")).resolve("stack/logs/web.log");

        assertThat(Files.readString(log)).contains("on-disk");
    }
}
