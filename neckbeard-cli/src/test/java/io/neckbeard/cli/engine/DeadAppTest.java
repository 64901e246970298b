package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project made by {@code neckbeard init} (no health check) whose app cannot run: {@code up}
 * must not report it healthy, and must say why it failed (the exit code and the end of the
 * process's log) as soon as the process has exited, not after the health timeout.
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
}
