package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;

/** {@code coordinator migrate}: the parent of the commands on the coordinator as a whole. */
@Command(name = "coordinator", description = "Work on the coordinator as a whole (migrate to another backend).",
        subcommands = {CoordinatorMigrateCommand.class})
public final class CoordinatorCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        throw new NeckbeardException(ExitCode.USAGE, "'coordinator' needs a subcommand: migrate",
                "e.g. neckbeard coordinator migrate --to '{type: local-yaml, path: backup/state}'");
    }
}
