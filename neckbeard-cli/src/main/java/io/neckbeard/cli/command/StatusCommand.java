package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.TextTable;
import io.neckbeard.coordinator.StatusReport;
import io.neckbeard.coordinator.StatusService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code status ENV}: what the coordinator remembers of each generation and node, and who holds the lock. */
@Command(name = "status", aliases = "view", description = "Generations, nodes, health, operational state, lock holder.")
public final class StatusCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--all", description = "Also show the terminated generations.")
    boolean all;

    @Override
    protected int execute(CliContext cli) {
        StatusReport full = CoordinatorCommands.with(cli, environment,
                (project, coordinator) -> new StatusService(project, coordinator).status(environment));
        StatusReport report = all ? full : full.withoutTerminated();
        if (cli.json()) {
            cli.printJson(report);
            return 0;
        }
        PrintWriter out = cli.out();
        out.println(report.environment() + ": " + (report.lock() == null ? "not locked"
                : "locked by " + report.lock().holder() + " since " + seconds(report.lock().acquiredAt()) + " ('"
                + report.lock().command() + "')"));
        if (full.generations().isEmpty()) {
            out.println("no generations yet (neckbeard up " + environment + " creates generation 1)");
        }
        for (StatusReport.GenerationStatus generation : report.generations()) {
            out.println();
            out.println("generation " + generation.id() + "  " + generation.state() + "  created "
                    + seconds(generation.createdAt()) + "  slug " + (generation.slug() == null ? "-" : generation.slug()));
            TextTable table = new TextTable("NODE", "TYPE", "AZ", "RESOURCE", "ADDRESS", "URL", "HEALTHY", "OPERATIONAL");
            for (StatusReport.NodeStatus node : generation.nodes()) {
                table.row(node.name(), node.type(), node.az(), node.resourceId(),
                        node.address() == null || node.port() == null ? node.address() : node.address() + ":" + node.port(),
                        node.url(), node.healthy() == null ? "unknown" : yesNo(node.healthy()), yesNo(node.operational()));
            }
            table.print(out, "  ");
        }
        int hidden = full.generations().size() - report.generations().size();
        if (hidden > 0) {
            out.println();
            out.println(hidden + " terminated generation" + (hidden == 1 ? "" : "s") + " not shown (--all shows them)");
        }
        return 0;
    }

    /** Text shows instants to the second; JSON keeps them whole. */
    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
