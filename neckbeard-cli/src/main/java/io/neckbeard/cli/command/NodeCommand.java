package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;

/** {@code node adopt|forget}: the parent of the two hand-correction subcommands. */
@Command(name = "node", description = "Correct the coordinator by hand (adopt or forget a node's resource).",
        subcommands = {NodeAdoptCommand.class, NodeForgetCommand.class})
public final class NodeCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        throw new NeckbeardException(ExitCode.USAGE, "'node' needs a subcommand: adopt or forget",
                "e.g. neckbeard node adopt production app-2 i-0123456789abcdef0");
    }
}
