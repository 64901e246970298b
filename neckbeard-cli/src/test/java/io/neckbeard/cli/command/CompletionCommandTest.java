package io.neckbeard.cli.command;

import io.neckbeard.cli.testing.Cli;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {
    private final Cli cli = Cli.with();

    @Test
    void bashScriptCompletesTheCommands() {
        Cli.Run result = cli.run("completion", "bash");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("complete -F").contains("promote").contains("rollback");
    }

    @Test
    void zshScriptLoadsBashCompatibilityFirst() {
        Cli.Run result = cli.run("completion", "zsh");

        assertThat(result.out()).startsWith("#compdef neckbeard").contains("bashcompinit").contains("complete -F");
    }

    @Test
    void unknownShellIsAUsageError() {
        Cli.Run result = cli.run("completion", "fish");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("fish");
    }
}
