package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A config var name written into state.yml by anyone with access to the store never becomes a
 * command on a node: the state is refused as damaged when it is read.
 */
class HostileStateTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void aVarNameHoldingShellSyntaxInTheStateIsRefusedAndNeverRuns() throws Exception {
        assertThat(project.run("up", "dev").exit()).isZero();
        Path marker = project.root().resolve("pwned");
        Path stateFile = project.root().resolve(".neckbeard/state/dev/state.yml");
        String state = Files.readString(stateFile);
        Files.writeString(stateFile, state.replace("\ngenerations:", "\nvars:\n  'A=1; touch " + marker + "; B': x\ngenerations:"));

        for (String[] command : new String[][] {{"up", "dev"}, {"run", "dev", "--", "true"}, {"vars", "dev"}}) {
            Cli.Run run = project.run(command);

            assertThat(run.exit()).as(String.join(" ", command) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("state.yml", "config var name 'A=1; touch " + marker + "; B' is not a valid variable name");
        }
        assertThat(marker).doesNotExist();
    }
}
