package io.neckbeard.cli;

import io.neckbeard.engine.StatusReport;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code status} as plain text: the lock line, then per generation a line and a table of its nodes. */
public final class StatusText {
    private StatusText() {
    }

    /**
     * @param report the generations to show
     * @param hidden how many terminated generations {@code report} leaves out
     */
    public static void print(PrintWriter out, StatusReport report, int hidden) {
        out.println(lockLine(report));
        if (report.generations().isEmpty() && hidden == 0) {
            out.println("no generations yet (neckbeard up " + report.environment() + " creates generation 1)");
        }
        for (StatusReport.GenerationStatus generation : report.generations()) {
            out.println();
            out.println(generationLine(generation));
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
        if (hidden > 0) {
            out.println();
            out.println(hidden + " terminated generation" + (hidden == 1 ? "" : "s") + " not shown (--all shows them)");
        }
    }

    static String lockLine(StatusReport report) {
        return report.environment() + ": " + (report.lock() == null ? "not locked"
                : "locked by " + report.lock().holder() + " since " + seconds(report.lock().acquiredAt()) + " ('"
                + report.lock().command() + "')");
    }

    static String generationLine(StatusReport.GenerationStatus generation) {
        return "generation " + generation.id() + "  " + generation.state() + "  created "
                + seconds(generation.createdAt()) + "  slug " + (generation.slug() == null ? "-" : generation.slug());
    }

    /** Text shows instants to the second; JSON keeps them whole. */
    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
