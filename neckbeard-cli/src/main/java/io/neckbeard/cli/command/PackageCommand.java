package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;

/** PLACEHOLDER: replaced by the real command. */
@Command(name = "package", description = "Build the slug with the configured packager.")
public final class PackageCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        throw new NeckbeardException(ExitCode.USAGE, "'package' is not implemented yet", null);
    }
}
