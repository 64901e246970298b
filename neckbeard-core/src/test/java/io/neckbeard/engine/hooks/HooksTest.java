package io.neckbeard.engine.hooks;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HooksTest {
    @TempDir
    Path project;

    private final List<String> output = new ArrayList<>();

    @Test
    void beforeHookRunsInTheProjectRootWithTheCommandsVariables() throws IOException {
        Hooks hooks = hooks(Map.of("before_up", List.of("echo \"$NECKBEARD_ENV $NECKBEARD_GENERATION $NECKBEARD_COMMAND\" > seen; pwd >> seen")));

        assertThat(hooks.before("up", 3)).as("a hook ran").isTrue();
        assertThat(Files.readAllLines(project.resolve("seen")))
                .containsExactly("production 3 up", project.toRealPath().toString());
    }

    @Test
    void aHookThatLeavesABackgroundProcessRunningDoesNotHoldUpTheCommand() throws Exception {
        Hooks hooks = hooks(Map.of("before_up", List.of("sleep 30 & echo $! > background.pid; echo started")));
        long started = System.nanoTime();

        hooks.before("up", 1);

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(20));
        assertThat(output).contains("  started");
        ProcessHandle.of(Long.parseLong(Files.readString(project.resolve("background.pid")).trim()))
                .ifPresent(ProcessHandle::destroy);
    }

    @Test
    void failingBeforeHookAbortsWithExitOneAndStopsLaterHooks() {
        Hooks hooks = hooks(Map.of("before_promote", List.of("echo not tagged; exit 7", "touch ran-second")));

        assertThatThrownBy(() -> hooks.before("promote", 2))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).contains("before_promote", "exit 7", "echo not tagged");
                });
        assertThat(output).contains("  not tagged");
        assertThat(project.resolve("ran-second")).doesNotExist();
    }

    @Test
    void afterHookSeesTheResultAndItsFailureIsOnlyAWarning() throws IOException {
        Hooks hooks = hooks(Map.of("after_up", List.of("echo $NECKBEARD_RESULT > result; exit 1", "touch ran-second")));

        hooks.after("up", 1, "failed");

        assertThat(Files.readString(project.resolve("result")).trim()).isEqualTo("failed");
        assertThat(project.resolve("ran-second")).exists();
        assertThat(output).anyMatch(line -> line.startsWith("warning: hook after_up failed (exit 1)"));
    }

    @Test
    void commandWithoutHooksRunsNothing() {
        assertThat(hooks(Map.of("before_up", List.of("touch ran"))).before("terminate", 1)).as("a hook ran").isFalse();

        assertThat(output).isEmpty();
        assertThat(project.resolve("ran")).doesNotExist();
    }

    private Hooks hooks(Map<String, List<String>> definitions) {
        return new Hooks(project, "production", name -> definitions.getOrDefault(name, List.of()), output::add);
    }
}
