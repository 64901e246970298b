package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.TextTable;
import io.neckbeard.coordinator.StatusReport;
import io.neckbeard.coordinator.StatusService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code status ENV}: what the coordinator remembers of each generation and node, and who holds the lock. */
@Command(name = "status", aliases = "view", description = "Generations, nodes, health, operational state, lock holder.")
public final class StatusCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Override
    protected int execute(CliContext cli) {
        StatusReport report = CoordinatorCommands.with(cli, environment,
                (project, coordinator) -> new StatusService(project, coordinator).status(environment));
        if (cli.json()) {
            cli.printJson(report);
            return 0;
        }
        PrintWriter out = cli.out();
        out.println(report.environment() + ": " + (report.lock() == null ? "not locked"
                : "locked by " + report.lock().holder() + " since " + report.lock().acquiredAt() + " ('"
                + report.lock().command() + "')"));
        if (report.generations().isEmpty()) {
            out.println("no generations yet (neckbeard up " + environment + " creates generation 1)");
        }
        for (StatusReport.GenerationStatus generation : report.generations()) {
            out.println();
            out.println("generation " + generation.id() + "  " + generation.state() + "  created "
                    + generation.createdAt() + "  slug " + (generation.slug() == null ? "-" : generation.slug()));
            TextTable table = new TextTable("NODE", "TYPE", "AZ", "RESOURCE", "ADDRESS", "URL", "HEALTHY", "OPERATIONAL");
            for (StatusReport.NodeStatus node : generation.nodes()) {
                table.row(node.name(), node.type(), node.az(), node.resourceId(),
                        node.address() == null || node.port() == null ? node.address() : node.address() + ":" + node.port(),
                        node.url(), node.healthy() == null ? "unknown" : yesNo(node.healthy()), yesNo(node.operational()));
            }
            table.print(out, "  ");
        }
        return 0;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
