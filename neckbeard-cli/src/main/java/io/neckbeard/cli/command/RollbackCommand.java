package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.DeployReport;
import io.neckbeard.cli.ProgressRenderer;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.RollbackService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code rollback ENV [--to N]}: a still-running old generation back to active. */
@Command(name = "rollback", description = "Make the newest (or Nth) old generation whose resources still run active again.")
public final class RollbackCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--to", paramLabel = "N", description = "The generation to roll back to. Default: the newest old one still running.")
    Long to;

    @Option(names = "--dry-run", description = "Print what would change; touch nothing.")
    boolean dryRun;

    @Override
    protected int execute(CliContext cli) {
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            RollbackService rollback = new RollbackService(context, ProgressRenderer.of(cli));
            return DeployReport.print(cli, "rollback", dryRun ? rollback.preview(to) : rollback.rollback(to, maskedArguments()));
        }
    }
}
