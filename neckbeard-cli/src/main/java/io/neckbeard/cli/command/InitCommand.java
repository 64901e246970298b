package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;

/** PLACEHOLDER: replaced by the real command. */
@Command(name = "init", description = "Scaffold neckbeard/ in the current project.")
public final class InitCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        throw new NeckbeardException(ExitCode.USAGE, "'init' is not implemented yet", null);
    }
}
