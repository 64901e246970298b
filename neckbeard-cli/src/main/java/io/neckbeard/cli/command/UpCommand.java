package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.DeployReport;
import io.neckbeard.cli.ProgressRenderer;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.UpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code up ENV [--pending] [--parallel N] [--dry-run]}: converge the active (or pending) generation. */
@Command(name = "up", description = "Converge the active generation with a rolling deploy (or build the pending one with --pending).")
public final class UpCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--pending", description = "Build (or resume) generation active+1 beside the active one and leave it pending.")
    boolean pending;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Most nodes worked on at once. Default: as many as the HA target allows (all with --pending).")
    Integer parallel;

    @Option(names = "--dry-run", description = "Print the plan; touch nothing.")
    boolean dryRun;

    @Override
    protected int execute(CliContext cli) {
        try (DeployContext context = DeployContext.open(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            UpService up = new UpService(context, ProgressRenderer.of(cli));
            if (dryRun) {
                return DeployReport.print(cli, up.plan(pending, parallel), true);
            }
            return DeployReport.print(cli, "up", up.up(pending, parallel, maskedArguments()));
        }
    }
}
