package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.DeployReport;
import io.neckbeard.cli.ProgressRenderer;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.TerminateSelection;
import io.neckbeard.engine.TerminateService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code terminate ENV (--generation N | --old | --all) [--force]}: destroy the resources of generations. */
@Command(name = "terminate", description = "Destroy the resources of generations (the active and pending ones only with --force).")
public final class TerminateCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--force", description = "Allow terminating the active or pending generation.")
    boolean force;

    @Option(names = "--dry-run", description = "Print what would be terminated; touch nothing.")
    boolean dryRun;

    static final class Which {
        @Option(names = "--generation", paramLabel = "N", required = true, description = "Generation N.")
        Long generation;

        @Option(names = "--old", required = true, description = "Every old generation.")
        boolean old;

        @Option(names = "--all", required = true, description = "Every generation that is not terminated yet.")
        boolean all;
    }

    @Override
    protected int execute(CliContext cli) {
        TerminateSelection selection = new TerminateSelection(which.generation, which.old, which.all);
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            TerminateService terminate = new TerminateService(context, ProgressRenderer.of(cli));
            if (dryRun) {
                return DeployReport.print(cli, "terminate", terminate.preview(selection, force));
            }
            return DeployReport.print(cli, "terminate", terminate.terminate(selection, force, cli::confirm, maskedArguments()));
        }
    }
}
