package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;

/** PLACEHOLDER: replaced by the real command. */
@Command(name = "plan", description = "Show what up would do; changes nothing.")
public final class PlanCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        throw new NeckbeardException(ExitCode.USAGE, "'plan' is not implemented yet", null);
    }
}
