package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.Poll;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project made by {@code neckbeard init} (no health check) whose app cannot run: {@code up}
 * must not report it healthy, and must say why it failed (the exit code and the end of the
 * process's log) as soon as the process has exited, not after the health timeout. A node whose
 * processes were killed is unhealthy in {@code status}, and {@code up} restarts them.
 */
class DeadAppTest {
    @TempDir
    Path temp;
    Path project;
    Cli cli;

    @BeforeEach
    void initProject() throws Exception {
        project = Files.createDirectories(temp.resolve("shop")).toRealPath();
        cli = Cli.with("-C", project.toString());
        Cli.Run init = cli.run("init", "--app", "shop", "--provider", "local");
        assertThat(init.exit()).as(init.err()).isZero();
    }

    @AfterEach
    void stopNodes() {
        EngineProject.processes(project).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void anAppThatExitsAtOnceFailsUpWithItsExitCodeAndTheEndOfItsLog() throws Exception {
        Files.writeString(project.resolve("Procfile"),
                "web: python3 -c 'import sys; print(\"boom: missing DATABASE_URL\", flush=True); sys.exit(3)'\n");

        Cli.Run up = cli.run("up", "staging");

        assertThat(up.exit()).as(up.out() + up.err()).isEqualTo(1);
        String output = up.out() + up.err();
        assertThat(output).contains("web exited with code 3", "boom: missing DATABASE_URL")
                .doesNotContain("serving at", "not healthy within");
    }

    @Test
    void aNodeWhoseProcessesWereKilledIsUnhealthyInStatusAndUpRestartsThem() throws Exception {
        Files.writeString(project.resolve("Procfile"), "web: exec python3 -m http.server \"$PORT\" --bind 127.0.0.1\n");
        Cli.Run up = cli.run("up", "staging");
        assertThat(up.exit()).as(up.out() + up.err()).isZero();
        assertThat(healthy(cli.run("-o", "json", "status", "staging"))).containsEntry("web-1", true).containsEntry("web-2", true);
        NodeRecord web1 = activeGeneration().nodes().stream().filter(n -> n.name().equals("web-1")).findFirst().orElseThrow();
        long group = Long.parseLong(Files.readString(Path.of(web1.attributes().get("stack_root"), "run/web.pid")).strip());

        new ProcessBuilder("/bin/sh", "-c", "kill -KILL -" + group).start().waitFor();
        Poll.until("web-1's process group is gone", () -> !Processes.running(group));

        Cli.Run live = cli.run("-o", "json", "status", "staging");
        assertThat(healthy(live)).containsEntry("web-1", false).containsEntry("web-2", true);
        JsonNode node = live.json().at("/generations/0/nodes").get(0);
        assertThat(node.get("health_detail").asText()).contains("web is stopped");
        assertThat(node.get("checked_at").asText()).isNotBlank();
        Cli.Run text = cli.run("status", "staging");
        assertThat(text.out()).contains("CHECKED AT", "web-1: web is stopped");
        assertThat(healthy(cli.run("-o", "json", "status", "staging", "--cached"))).containsEntry("web-1", true);

        Cli.Run plan = cli.run("plan", "staging");
        assertThat(plan.out()).contains("restart", "its processes stopped: web is stopped");
        Cli.Run repair = cli.run("up", "staging");

        assertThat(repair.exit()).as(repair.out() + repair.err()).isZero();
        assertThat(repair.out() + repair.err()).contains("restarted web");
        assertThat(healthy(cli.run("-o", "json", "status", "staging"))).containsEntry("web-1", true).containsEntry("web-2", true);
        NodeRecord repaired = activeGeneration().nodes().stream().filter(n -> n.name().equals("web-1")).findFirst().orElseThrow();
        assertThat(repaired.lastHealth().detail()).startsWith("restarted web");
        assertThat(repaired.provisionedSlug()).isEqualTo(web1.provisionedSlug());
    }

    /** Node name to its {@code healthy} in a {@code status -o json} of one generation. */
    private static Map<String, Boolean> healthy(Cli.Run status) {
        assertThat(status.exit()).as(status.err()).isZero();
        Map<String, Boolean> healthy = new TreeMap<>();
        status.json().at("/generations/0/nodes").forEach(n -> healthy.put(n.get("name").asText(), n.get("healthy").asBoolean()));
        return healthy;
    }

    private Generation activeGeneration() {
        Plugins plugins = Plugins.builtIn();
        try (Coordinator coordinator = Coordinator.open(new ConfigLoader(plugins).load(project, List.of("staging")), plugins, java.time.Duration.ZERO)) {
            return coordinator.read("staging").active().orElseThrow();
        }
    }
}
