package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.DeployReport;
import io.neckbeard.cli.ProgressRenderer;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.PromoteService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code promote ENV} (alias {@code increment}): pending → active after a health gate. */
@Command(name = "promote", aliases = "increment",
        description = "Make the pending generation active after checking every node is healthy; the active one becomes old.")
public final class PromoteCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--dry-run", description = "Print what would change; touch nothing.")
    boolean dryRun;

    @Override
    protected int execute(CliContext cli) {
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            PromoteService promote = new PromoteService(context, ProgressRenderer.of(cli));
            return DeployReport.print(cli, "promote", dryRun ? promote.preview() : promote.promote(maskedArguments()));
        }
    }
}
