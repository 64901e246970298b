package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

/**
 * {@code neckbeard __complete nodes ENV}: the node names of an environment as configured, one a
 * line, for the completion script. Hidden; prints nothing when the configuration does not load.
 */
@Command(name = "__complete", hidden = true, description = "Names for shell completion.")
public final class CompleteCommand extends NeckbeardCommand {

    /** What can be completed. */
    enum What { nodes }

    @Parameters(index = "0", paramLabel = "WHAT")
    What what;

    @Parameters(index = "1", paramLabel = "ENV")
    String environment;

    @Override
    protected int execute(CliContext cli) {
        try {
            List<NodeSpec> nodes = ConfigLoader.withoutProvisionerChecks(cli.plugins()).load(cli.project(), List.of(environment))
                    .nodes(environment, Map.of());
            nodes.forEach(node -> cli.out().println(node.name()));
        } catch (NeckbeardException e) {
            // nothing to offer: completion must not print errors into the command line being typed
        }
        return 0;
    }
}
