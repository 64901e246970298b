package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.NodeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code node adopt ENV NODE RESOURCE_ID}: record a resource made outside neckbeard as the node of the active generation. */
@Command(name = "adopt", description = "Record RESOURCE_ID as NODE of the active generation (audited).")
public final class NodeAdoptCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1", paramLabel = "NODE", description = "The node, e.g. app-2.")
    String node;

    @Parameters(index = "2", paramLabel = "RESOURCE_ID", description = "The provider's id, e.g. i-0123456789abcdef0.")
    String resourceId;

    @Override
    protected int execute(CliContext cli) {
        NodeService.NodeChange change;
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            change = new NodeService(context.project(), context.coordinator(), context::provider)
                    .adopt(environment, node, resourceId, maskedArguments());
        }
        if (cli.json()) {
            cli.printJson(change);
        } else {
            cli.out().println(node + " of " + environment + " generation " + change.generation() + " is now " + resourceId);
            cli.info("the next 'neckbeard up " + environment + "' looks it up and provisions it");
        }
        return 0;
    }
}
