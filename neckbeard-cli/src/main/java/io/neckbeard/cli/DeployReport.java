package io.neckbeard.cli;

import io.neckbeard.core.ExitCode;
import io.neckbeard.engine.Action;
import io.neckbeard.engine.DeployResult;
import io.neckbeard.engine.NodeOutcome;
import io.neckbeard.engine.NodePlan;
import io.neckbeard.engine.Plan;

import java.io.PrintWriter;
import java.util.ArrayList;
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
            out.println(summary(command, result));
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

    /**
     * The last line: the generations acted on, the result and what happened to how many nodes:
     * {@code up dev: generation 3 ok (2 nodes, 2 retired)}, {@code terminate dev: generations 1, 2 ok (4 nodes)},
     * or that nothing matched.
     */
    static String summary(String command, DeployResult result) {
        String head = command + " " + result.environment() + ": ";
        if (result.generations().isEmpty()) {
            return head + "no generation matched; nothing " + (result.result().equals("dry-run") ? "would change" : "changed");
        }
        List<String> ids = result.generations().stream().map(String::valueOf).toList();
        long retired = count(result, Action.RETIRE.id(), "ok");
        long outOfService = count(result, "deregister", null);
        List<String> counts = new ArrayList<>();
        counts.add((result.nodes().size() - retired - outOfService) + " nodes");
        if (retired > 0) {
            counts.add(retired + " retired");
        }
        if (outOfService > 0) {
            counts.add(outOfService + " taken out of service");
        }
        return head + (ids.size() == 1 ? "generation " : "generations ") + String.join(", ", ids) + " " + result.result()
                + " (" + String.join(", ", counts) + ")";
    }

    /** Outcomes of {@code action} (and {@code result}, unless null). */
    private static long count(DeployResult deploy, String action, String result) {
        return deploy.nodes().stream().filter(n -> n.action().equals(action) && (result == null || result.equals(n.result())))
                .count();
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
