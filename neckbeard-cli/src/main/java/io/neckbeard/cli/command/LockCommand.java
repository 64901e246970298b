package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;

/** {@code lock status|release ENV}: the parent of the two lock subcommands. */
@Command(name = "lock", description = "Inspect or break the environment's lock.",
        subcommands = {LockStatusCommand.class, LockReleaseCommand.class})
public final class LockCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        throw new NeckbeardException(ExitCode.USAGE, "'lock' needs a subcommand: status or release",
                "e.g. neckbeard lock status production");
    }
}
