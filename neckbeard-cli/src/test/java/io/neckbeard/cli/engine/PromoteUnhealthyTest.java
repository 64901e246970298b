package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.Poll;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PromoteUnhealthyTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void promoteOfAnUnhealthyPendingGenerationExitsFourAndChangesNothing() throws Exception {
        assertThat(project.run("up", "dev").exit()).isZero();
        assertThat(project.run("up", "dev", "--pending").exit()).isZero();
        NodeRecord broken = project.state("dev").pending().orElseThrow().nodes().get(0);
        // the supervisor too: it would start the app again a second later
        EngineProject.processes(EngineProject.nodeDir(broken)).forEach(ProcessHandle::destroyForcibly);
        Poll.until(broken.name() + " stops answering", () -> EngineProject.body(broken) == null);
        Path stateFile = stateFile();
        byte[] before = Files.readAllBytes(stateFile);

        Cli.Run promote = project.run("promote", "dev");

        assertThat(promote.exit()).isEqualTo(4);
        assertThat(promote.err()).contains("not every node is healthy", broken.name(), "Nothing was changed");
        assertThat(Files.readAllBytes(stateFile)).isEqualTo(before);
        EnvironmentState after = project.state("dev");
        assertThat(after.active().orElseThrow().id()).isEqualTo(1);
        assertThat(after.pending().orElseThrow().id()).isEqualTo(2);
        assertThat(after.active().orElseThrow().nodes()).allSatisfy(n -> assertThat(EngineProject.body(n)).contains("generation=1"));
    }

    @Test
    void promoteWithoutAPendingGenerationIsRefused() {
        assertThat(project.run("up", "dev").exit()).isZero();

        Cli.Run promote = project.run("increment", "dev");

        assertThat(promote.exit()).isEqualTo(4);
        assertThat(promote.err()).contains("no pending generation", "neckbeard up dev --pending");
    }

    private Path stateFile() throws Exception {
        try (Stream<Path> files = Files.walk(project.root().resolve(".neckbeard/state"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("state")).filter(Files::isRegularFile)
                    .findFirst().orElseThrow();
        }
    }
}
