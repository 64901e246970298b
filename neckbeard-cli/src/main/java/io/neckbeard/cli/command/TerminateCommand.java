package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;

/** PLACEHOLDER: replaced by the real command. */
@Command(name = "terminate", description = "Destroy the resources of generations.")
public final class TerminateCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        throw new NeckbeardException(ExitCode.USAGE, "'terminate' is not implemented yet", null);
    }
}
