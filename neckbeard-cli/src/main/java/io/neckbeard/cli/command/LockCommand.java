package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;

/** PLACEHOLDER: replaced by the real command. */
@Command(name = "lock", description = "Inspect or break the environment's lock.")
public final class LockCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        throw new NeckbeardException(ExitCode.USAGE, "'lock' is not implemented yet", null);
    }
}
