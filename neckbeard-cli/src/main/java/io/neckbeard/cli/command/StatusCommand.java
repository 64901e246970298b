package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.TextTable;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.LiveHealth;
import io.neckbeard.engine.StatusReport;
import io.neckbeard.engine.StatusService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code status ENV [--cached]}: what the coordinator remembers of each generation and node, and
 * who holds the lock, with each running node's health checked now (or as last recorded with {@code --cached}).
 */
@Command(name = "status", aliases = "view", description = "Generations, nodes, health, operational state, lock holder.")
public final class StatusCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--all", description = "Also show the terminated generations.")
    boolean all;

    @Option(names = "--cached", description = "Show the health recorded by the last deploy instead of checking the nodes now.")
    boolean cached;

    @Override
    protected int execute(CliContext cli) {
        StatusReport full = cached ? CoordinatorCommands.with(cli, environment,
                (project, coordinator) -> new StatusService(project, coordinator).status(environment)) : live(cli);
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
            TextTable table = new TextTable("NODE", "TYPE", "AZ", "RESOURCE", "ADDRESS", "URL", "HEALTHY", "OPERATIONAL",
                    "CHECKED AT");
            for (StatusReport.NodeStatus node : generation.nodes()) {
                table.row(node.name(), node.type(), node.az(), node.resourceId(),
                        node.address() == null || node.port() == null ? node.address() : node.address() + ":" + node.port(),
                        node.url(), node.healthy() == null ? "unknown" : yesNo(node.healthy()), yesNo(node.operational()),
                        node.checkedAt() == null ? "-" : seconds(node.checkedAt()).toString());
            }
            table.print(out, "  ");
            for (StatusReport.NodeStatus node : generation.nodes()) {
                if (Boolean.FALSE.equals(node.healthy()) && node.healthDetail() != null) {
                    out.println("  " + node.name() + ": " + node.healthDetail().replace("\n", "\n  "));
                }
            }
        }
        int hidden = full.generations().size() - report.generations().size();
        if (hidden > 0) {
            out.println();
            out.println(hidden + " terminated generation" + (hidden == 1 ? "" : "s") + " not shown (--all shows them)");
        }
        return 0;
    }

    /** Every running node's health checked now, in parallel, each bounded by a short timeout. */
    private StatusReport live(CliContext cli) {
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            return new StatusService(context.project(), context.coordinator()).status(environment, new LiveHealth(context));
        }
    }

    /** Text shows instants to the second; JSON keeps them whole. */
    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
