package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.Poll;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code neckbeard init} (the local starter) then {@code up}: the starter's {@code scripts: []}
 * provisions nothing, and {@code up} deploys the project's own Procfile. A project without one
 * gets a usage error (exit 2) saying to create it, before any node is launched.
 */
class InitThenUpTest {
    @TempDir
    Path temp;
    Path project;

    @AfterEach
    void stopNodes() {
        if (project != null) {
            EngineProject.processes(project).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void upOfTheLocalStarterDeploysTheProjectsProcfileAndWithoutOneSaysToCreateIt() throws Exception {
        project = Files.createDirectories(temp.resolve("shop")).toRealPath();
        Cli cli = Cli.with("-C", project.toString());
        Cli.Run init = cli.run("init", "--app", "shop", "--provider", "local");
        assertThat(init.exit()).as(init.err()).isZero();

        Cli.Run noProcfile = cli.run("up", "staging");

        assertThat(noProcfile.exit()).as(noProcfile.err()).isEqualTo(2);
        assertThat(noProcfile.err()).contains("the slug has no Procfile at the project root", "create a Procfile")
                .doesNotContain("Exception");
        assertThat(project.resolve(".neckbeard/local")).doesNotExist();

        String procfile = "web: exec python3 -m http.server \"$PORT\" --bind 127.0.0.1\n";
        Files.writeString(project.resolve("Procfile"), procfile);
        Cli.Run up = cli.run("up", "staging");

        assertThat(up.exit()).as(up.err()).isZero();
        Generation active = activeGeneration(project);
        assertThat(active.nodes()).extracting(NodeRecord::name).containsExactlyInAnyOrder("web-1", "web-2");
        for (NodeRecord node : active.nodes()) {
            assertThat(node.operational()).isTrue();
            // The starter has no health check (a node is healthy once its process runs): wait until it listens.
            Poll.until(node.name() + " serves the Procfile of its release",
                    () -> procfile.equals(EngineProject.get(EngineProject.port(node), "/Procfile")));
        }
    }

    @Test
    void theScaffoldedStagingEnvironmentDeploysInPlaceAgainAfterItsFirstUp() throws Exception {
        project = Files.createDirectories(temp.resolve("shop")).toRealPath();
        Cli cli = Cli.with("-C", project.toString());
        assertThat(cli.run("init", "--app", "shop", "--provider", "local").exit()).isZero();
        Files.writeString(project.resolve("Procfile"), "web: exec python3 -m http.server \"$PORT\" --bind 127.0.0.1\n");
        Files.writeString(project.resolve("index.html"), "first\n");
        Cli.Run first = cli.run("up", "staging");
        assertThat(first.exit()).as(first.err()).isZero();

        Files.writeString(project.resolve("index.html"), "second\n");
        Cli.Run second = cli.run("up", "staging");

        assertThat(second.exit()).as(second.err()).isZero();
        Generation active = activeGeneration(project);
        assertThat(active.id()).isEqualTo(1);
        for (NodeRecord node : active.nodes()) {
            Poll.until(node.name() + " serves the second release",
                    () -> "second\n".equals(EngineProject.get(EngineProject.port(node), "/index.html")));
        }
    }

    private static Generation activeGeneration(Path project) {
        Plugins plugins = Plugins.builtIn();
        try (Coordinator coordinator = Coordinator.open(new ConfigLoader(plugins).load(project, List.of("staging")), plugins, java.time.Duration.ZERO)) {
            return coordinator.read("staging").active().orElseThrow();
        }
    }
}
