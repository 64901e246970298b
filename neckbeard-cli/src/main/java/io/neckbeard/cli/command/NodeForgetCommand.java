package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.NodeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code node forget ENV NODE}: drop a node from the active generation's record; its resource is left alone. */
@Command(name = "forget", description = "Remove NODE from the active generation's record (audited; the resource is untouched).")
public final class NodeForgetCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1", paramLabel = "NODE", description = "The node, e.g. app-2.")
    String node;

    @Override
    protected int execute(CliContext cli) {
        NodeService.NodeChange change;
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            change = new NodeService(context.project(), context.coordinator(), context::provider)
                    .forget(environment, node, maskedArguments());
        }
        if (cli.json()) {
            cli.printJson(change);
        } else {
            cli.out().println("forgot " + node + " of " + environment + " generation " + change.generation()
                    + (change.resourceId() == null ? "" : " (resource " + change.resourceId() + " was not touched)"));
        }
        return 0;
    }
}
