package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.config.NodeTreeText;
import io.neckbeard.config.ShowService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code neckbeard show ENV [--node N] [--provenance]}: each node's merged parameter tree. */
@Command(name = "show", description = "Print the merged parameter tree of each node.")
public final class ShowCommand extends NeckbeardCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--node", paramLabel = "NODE", description = "Only this node (e.g. app-1).")
    String node;

    @Option(names = "--provenance", description = "Show the layer and file:line that set each value.")
    boolean provenance;

    @Override
    protected int execute(CliContext cli) {
        ShowService.ShowResult result = new ShowService(new ConfigLoader(cli.plugins()))
                .show(cli.project(), environment, node, provenance);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out().print(NodeTreeText.render(result));
        }
        return 0;
    }
}
