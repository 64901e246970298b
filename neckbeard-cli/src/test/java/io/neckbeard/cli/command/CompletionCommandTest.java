package io.neckbeard.cli.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {
    @TempDir
    Path temp;

    @Test
    void bashScriptCompletesTheCommands() {
        ConfigCliRunner.Result result = new ConfigCliRunner(temp).run("completion", "bash");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("complete -F").contains("promote").contains("rollback");
    }

    @Test
    void zshScriptLoadsBashCompatibilityFirst() {
        ConfigCliRunner.Result result = new ConfigCliRunner(temp).run("completion", "zsh");

        assertThat(result.out()).startsWith("#compdef neckbeard").contains("bashcompinit").contains("complete -F");
    }

    @Test
    void unknownShellIsAUsageError() {
        ConfigCliRunner.Result result = new ConfigCliRunner(temp).run("completion", "fish");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("fish");
    }
}
