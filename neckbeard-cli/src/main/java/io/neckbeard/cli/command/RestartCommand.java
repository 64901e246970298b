package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.DeployReport;
import io.neckbeard.cli.ProgressRenderer;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.RestartService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code restart ENV [--type T] [--process NAME]}: a rolling restart of the processes, no new release. */
@Command(name = "restart", description = "Restart the app's processes on the active generation's nodes in place (no new "
        + "release, no provisioning), rolling through the nodes with the same per-AZ floor and health gate as up. Exit 4 "
        + "when no node can leave service.")
public final class RestartCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only nodes of this type.")
    String type;

    @Option(names = "--process", paramLabel = "NAME", description = "Only this Procfile process (repeatable; default: all).")
    List<String> processes = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", description = "Most nodes restarted at once. Default: as many as the HA "
            + "target allows.")
    Integer parallel;

    @Override
    protected int execute(CliContext cli) {
        LogsCommand.requireProcessNames(processes);
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            return DeployReport.print(cli, "restart", new RestartService(context, ProgressRenderer.of(cli))
                    .restart(type, processes, parallel, maskedArguments()));
        }
    }
}
