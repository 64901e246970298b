package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.DeployReport;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.PlanService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plan ENV [--pending]}: what {@code up} would do; changes nothing. */
@Command(name = "plan", description = "Show what 'up' would do, per node, against the coordinator and the cloud. Changes nothing.")
public final class PlanCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--pending", description = "Plan building (or resuming) the pending generation instead.")
    boolean pending;

    @Override
    protected int execute(CliContext cli) {
        try (DeployContext context = DeployContext.open(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            return DeployReport.print(cli, new PlanService(context).plan(pending, null), false);
        }
    }
}
