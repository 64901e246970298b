package io.neckbeard.cli;

import io.neckbeard.core.ExitCode;
import io.neckbeard.engine.DeployResult;
import io.neckbeard.engine.NodeOutcome;
import io.neckbeard.engine.NodePlan;
import io.neckbeard.engine.Plan;

import java.io.PrintWriter;
import java.util.List;

/** Prints what the deploy commands return: the per-node summary table or plan, or one JSON document. */
public final class DeployReport {
    private DeployReport() {
    }

    /** Prints the result; returns the exit code (1 when a node failed). */
    public static int print(CliContext cli, String command, DeployResult result) {
        if (cli.json()) {
            cli.printJson(result);
        } else {
            PrintWriter out = cli.out();
            TextTable table = new TextTable("NODE", "TYPE", "AZ", "ACTION", "RESULT", "DETAIL");
            for (NodeOutcome node : result.nodes()) {
                String detail = node.detail() == null ? "" : node.detail();
                table.row(node.name(), node.type(), node.az(), node.action(), node.result(),
                        detail.contains("\n") ? detail.substring(0, detail.indexOf('\n')) + " (see below)" : detail);
            }
            table.print(out, "");
            result.nodes().stream().filter(n -> n.failed() && n.detail() != null && n.detail().contains("\n"))
                    .forEach(n -> out.println(System.lineSeparator() + n.name() + " failed: " + n.detail()));
            out.println(command + " " + result.environment() + ": generation " + result.generation() + " " + result.result()
                    + " (" + result.nodes().stream().map(NodeOutcome::name).distinct().count() + " nodes)");
            printServing(out, result);
        }
        if (result.failed()) {
            List<String> failed = result.nodes().stream().filter(NodeOutcome::failed).map(NodeOutcome::name).toList();
            cli.err().println("error: " + command + " " + result.environment() + " failed on " + String.join(", ", failed)
                    + " (details in the summary)");
            return ExitCode.FAILED.code();
        }
        return ExitCode.OK.code();
    }

    /** Where the generation's nodes serve now, one line each: what an operator opens after a deploy. */
    private static void printServing(PrintWriter out, DeployResult result) {
        if (!result.serving().isEmpty()) {
            out.println("generation " + result.generation() + " serves at:");
            TextTable table = new TextTable("NODE", "AT");
            result.serving().forEach(endpoint -> table.row(endpoint.node(), endpoint.display()));
            table.print(out, "  ");
        }
    }

    /** Prints a plan; returns 4 when {@code refusedIsFailure} and the plan is refused (for {@code up --dry-run}). */
    public static int print(CliContext cli, Plan plan, boolean refusedIsFailure) {
        if (cli.json()) {
            cli.printJson(plan.report());
        } else {
            PrintWriter out = cli.out();
            out.println((plan.pending() ? "pending" : "active") + " generation " + plan.generation() + " of "
                    + plan.environment() + (plan.newGeneration() ? " (new)" : "") + ", slug " + plan.slug().id());
            TextTable table = new TextTable("NODE", "TYPE", "AZ", "RESOURCE", "ACTIONS", "REASON");
            for (NodePlan node : plan.nodes()) {
                table.row(node.name(), node.type(), node.az(), node.resource() == null ? null : node.resource().id(),
                        node.describeActions(), node.reason());
            }
            table.print(out, "");
            for (int i = 0; i < plan.waves().size(); i++) {
                out.println("wave " + (i + 1) + ": " + String.join(", ", plan.waves().get(i).stream().map(NodePlan::name).toList()));
            }
            if (plan.changesNothing()) {
                out.println("nothing to do");
            }
        }
        if (plan.refusal() != null) {
            cli.err().println((refusedIsFailure ? "error: " : "note: up would refuse: ") + plan.refusal().getMessage());
            cli.err().println("  fix: " + plan.refusal().remedy());
            return refusedIsFailure ? ExitCode.REFUSED.code() : ExitCode.OK.code();
        }
        return ExitCode.OK.code();
    }
}
