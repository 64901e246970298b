package io.neckbeard.engine;

import io.neckbeard.config.NodeSpec;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import static io.neckbeard.stack.ShellQuote.quote;

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
        Generation active = state.active().orElseThrow(() -> new NeckbeardException(ExitCode.USAGE,
                context.name() + " has no active generation to run on", "deploy it first: neckbeard up " + context.name()));
        List<NodeRecord> nodes = hostsOf(select(active, node, type), output);
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

    private List<NodeRecord> select(Generation active, String node, String type) {
        List<NodeRecord> chosen = active.nodes().stream()
                .filter(n -> node == null || n.name().equals(node))
                .filter(n -> type == null || n.type().equals(type))
                .filter(n -> n.resourceId() != null)
                .sorted(NodeRecord.ORDER).toList();
        if (chosen.isEmpty()) {
            List<String> names = active.nodes().stream().sorted(NodeRecord.ORDER).map(NodeRecord::name).toList();
            throw new NeckbeardException(ExitCode.USAGE, "no node of generation " + active.id() + " of " + context.name()
                    + " matches" + (node == null ? "" : " --node " + node) + (type == null ? "" : " --type " + type),
                    names.isEmpty() ? "the generation has no launched nodes" : "its nodes are: " + String.join(", ", names));
        }
        return chosen;
    }

    /**
     * The selected host nodes: a managed node has nothing to run a command on, so naming one
     * (or selecting only such nodes) is exit 2, and one among others is skipped with a line saying so.
     */
    private List<NodeRecord> hostsOf(List<NodeRecord> selected, BiConsumer<String, String> output) {
        List<NodeRecord> hosts = selected.stream().filter(n -> !context.managed(n.type())).toList();
        if (hosts.isEmpty()) {
            NodeRecord managed = selected.get(0);
            context.requireHost(managed.name(), managed.type());
        }
        selected.stream().filter(n -> !hosts.contains(n)).forEach(n -> output.accept(n.name(),
                "skipped: a managed " + context.nodeType(n.type()).resource() + " resource runs no commands"));
        return hosts;
    }

    private List<RunOutcome> runAll(List<NodeRecord> nodes, EnvironmentState state, long generation, String command,
                                    InputStream stdin, Duration timeout, BiConsumer<String, String> output) {
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(nodes.size(), MAX_PARALLEL), runnable -> {
            Thread thread = new Thread(runnable, "neckbeard-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RunOutcome>> running = new ArrayList<>();
            for (NodeRecord record : nodes) {
                running.add(executor.submit(() -> runOn(record, state, generation, command, stdin, timeout, output)));
            }
            List<RunOutcome> outcomes = new ArrayList<>();
            for (Future<RunOutcome> future : running) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while running on " + context.name(), null, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("running a command failed unexpectedly", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private RunOutcome runOn(NodeRecord record, EnvironmentState state, long generation, String command, InputStream stdin,
                             Duration timeout, BiConsumer<String, String> output) {
        ResourceProvider provider = context.provider(record.provider());
        NodeSpec spec = NodeRecords.spec(context, record, state.scale());
        try {
            Resource resource = provider.refresh(NodeRecords.resource(record));
            if (!resource.running()) {
                return new RunOutcome(record.name(), -1, "the node's resource " + record.resourceId() + " is " + resource.state());
            }
            if (spec == null) {
                return new RunOutcome(record.name(), -1, "its node type " + record.type() + " is no longer configured");
            }
            String root = new NodeDeploy(context, generation, spec, resource).stackTarget().root();
            // Like the app's own processes: in the current release, with the env file's variables. The
            // braces keep a command list ("a; b") from running when the release cannot be entered.
            String inRelease = "cd " + quote(root + "/current") + " && set -a && . " + quote(root + "/shared/env")
                    + " && set +a && {\n" + command + "\n}";
            try (Transport transport = context.transport(spec, generation, resource)) {
                CommandResult result = transport.run(inRelease, Map.of(), stdin, timeout, line -> output.accept(record.name(), line));
                return new RunOutcome(record.name(), result.exitCode(), result.outputTail());
            }
        } catch (RuntimeException e) {
            return new RunOutcome(record.name(), -1, Failures.describe(e));
        }
    }
}
