package io.neckbeard.cli.command;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LockTimeoutOptionTest {
    @TempDir
    Path dir;

    @Test
    void aLockTimeoutThatIsNotADurationIsExitTwoAndChangesNothing() throws Exception {
        Path project = Fixtures.copy("projects/coordinated", dir.resolve("project"));

        Cli.Run run = Cli.with("-C", project.toString()).run("--lock-timeout", "soon", "scale", "production", "app=6");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is not a duration (at --lock-timeout)");
        assertThat(new LocalYamlBackend(project.resolve(".neckbeard/state")).read("production").version()).isZero();
    }

    @Test
    void theOptionIsAcceptedAfterTheCommandToo() throws Exception {
        Path project = Fixtures.copy("projects/coordinated", dir.resolve("project"));
        LocalYamlBackend backend = new LocalYamlBackend(project.resolve(".neckbeard/state"));
        backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(5));

        Cli.Run run = Cli.with("-C", project.toString()).run("scale", "production", "app=6", "--lock-timeout", "200ms");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("locked by bob@desk").contains("waited 0.2s (--lock-timeout)");
    }
}
