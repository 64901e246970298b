package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * {@code run ENV [--node N | --type T] -- CMD}: runs a command on the active generation's nodes
 * in parallel, the way the app runs: in the current release, with the env file's variables.
 * It takes no lock (it must work during a deploy, e.g. to look at a node) but is audited.
 */
public final class RunService {
    private static final int MAX_PARALLEL = 16;

    private final DeployContext context;
    private final Clock clock;

    public RunService(DeployContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    /**
     * @param node     only this node, or null
     * @param type     only nodes of this type, or null
     * @param stdin    the command's standard input, or null for none; refused unless exactly one node is selected
     * @param output   receives (node, line) as each line arrives
     * @param audited  the command line for the audit trail, already masked
     */
    public List<RunOutcome> run(String node, String type, String command, InputStream stdin, Duration timeout,
                                BiConsumer<String, String> output, List<String> audited) {
        Instant started = clock.instant();
        EnvironmentState state = context.coordinator().read(context.name());
        Generation active = ActiveNodes.active(context, state, "to run on");
        List<NodeRecord> nodes = ActiveNodes.hosts(context, ActiveNodes.select(context, active, node, type),
                (managed, why) -> output.accept(managed, "skipped: " + why));
        if (stdin != null && nodes.size() > 1) {
            throw new NeckbeardException(ExitCode.USAGE, "standard input can go to one node only, and " + nodes.size()
                    + " nodes of " + context.name() + " are selected (" + String.join(", ", nodes.stream().map(NodeRecord::name).toList())
                    + ")", "choose one with --node NODE, or give no input (</dev/null)");
        }
        List<RunOutcome> outcomes = runAll(nodes, state, active.id(), command, stdin, timeout, output);
        boolean ok = outcomes.stream().allMatch(RunOutcome::succeeded);
        context.coordinator().audit(context.name(), "run", audited, active.id(), ok ? "ok" : "failed", started);
        return outcomes;
    }

    private List<RunOutcome> runAll(List<NodeRecord> nodes, EnvironmentState state, long generation, String command,
                                    InputStream stdin, Duration timeout, BiConsumer<String, String> output) {
        List<RunOutcome> outcomes = ActiveNodes.onEach(nodes, MAX_PARALLEL, "neckbeard-run",
                record -> runOn(record, state, generation, command, stdin, timeout, output));
        if (outcomes == null) {
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while running on " + context.name(), null);
        }
        return outcomes;
    }

    private RunOutcome runOn(NodeRecord record, EnvironmentState state, long generation, String command, InputStream stdin,
                             Duration timeout, BiConsumer<String, String> output) {
        try {
            ActiveNodes.Reached reached = ActiveNodes.reach(context, record, state, generation);
            if (reached.problem() != null) {
                return new RunOutcome(record.name(), -1, reached.problem());
            }
            String root = reached.target().root();
            // Like the app's own processes: in the current release, with the env file's variables. The
            // braces keep a command list ("a; b") from running when the release cannot be entered.
            String inRelease = "cd " + quote(root + "/current") + " && set -a && . " + quote(root + "/shared/env")
                    + " && set +a && {\n" + command + "\n}";
            try (Transport transport = reached.transport(context, generation)) {
                CommandResult result = transport.run(inRelease, Map.of(), stdin, timeout, line -> output.accept(record.name(), line));
                return new RunOutcome(record.name(), result.exitCode(), result.outputTail());
            }
        } catch (RuntimeException e) {
            return new RunOutcome(record.name(), -1, Failures.describe(e));
        }
    }
}
