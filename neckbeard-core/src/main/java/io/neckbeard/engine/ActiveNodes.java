package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.Transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The launched nodes of the active generation that a day-two command ({@code run}, {@code ps},
 * {@code logs}) works on: chosen with {@code --node} or {@code --type}, reached, and worked on
 * all at once.
 */
final class ActiveNodes {
    /** How long the nodes' commands get to end once the work is interrupted. */
    private static final long STOP_SECONDS = 10;

    private ActiveNodes() {
    }

    /**
     * One chosen node as it is now: its running resource, its spec and its Stack, or why it
     * cannot be worked on ({@code problem}; then the other parts may be null).
     */
    record Reached(NodeRecord record, Resource resource, NodeSpec spec, StackTarget target, String problem) {
        Transport transport(DeployContext context, long generation) {
            return context.transport(spec, generation, resource);
        }
    }

    /** The active generation, or a usage error saying there is none {@code purpose} ("to run on"). */
    static Generation active(DeployContext context, EnvironmentState state, String purpose) {
        return state.active().orElseThrow(() -> new NeckbeardException(ExitCode.USAGE,
                context.name() + " has no active generation " + purpose, "deploy it first: neckbeard up " + context.name()));
    }

    /** The launched nodes of {@code generation} named {@code node} or of type {@code type} (all when both are null). */
    static List<NodeRecord> select(DeployContext context, Generation generation, String node, String type) {
        List<NodeRecord> chosen = generation.nodes().stream()
                .filter(n -> node == null || n.name().equals(node))
                .filter(n -> type == null || n.type().equals(type))
                .filter(n -> n.resourceId() != null)
                .sorted(NodeRecord.ORDER).toList();
        if (chosen.isEmpty()) {
            List<String> names = generation.nodes().stream().sorted(NodeRecord.ORDER).map(NodeRecord::name).toList();
            throw new NeckbeardException(ExitCode.USAGE, "no node of generation " + generation.id() + " of " + context.name()
                    + " matches" + (node == null ? "" : " --node " + node) + (type == null ? "" : " --type " + type),
                    names.isEmpty() ? "the generation has no launched nodes" : "its nodes are: " + String.join(", ", names));
        }
        return chosen;
    }

    /**
     * The host nodes among {@code selected}: a managed node has no host to run a command on, read
     * a log from or restart a process on, so naming one (or selecting only such nodes) is exit 2,
     * and one among others is passed to {@code skipped} as (node, why) and left out.
     */
    static List<NodeRecord> hosts(DeployContext context, List<NodeRecord> selected, BiConsumer<String, String> skipped) {
        List<NodeRecord> hosts = selected.stream().filter(n -> !context.managed(n.type())).toList();
        if (hosts.isEmpty()) {
            NodeRecord managed = selected.get(0);
            context.requireHost(managed.name(), managed.type());
        }
        selected.stream().filter(n -> !hosts.contains(n)).forEach(n -> skipped.accept(n.name(),
                "a managed " + context.nodeType(n.type()).resource() + " resource runs no commands"));
        return hosts;
    }

    /** The node's resource as its provider sees it now, with its spec and Stack target; asks the provider once. */
    static Reached reach(DeployContext context, NodeRecord record, EnvironmentState state, long generation) {
        Resource resource = context.provider(record.provider()).refresh(NodeRecords.resource(record));
        if (!resource.running()) {
            return new Reached(record, resource, null, null, "the node's resource " + record.resourceId() + " is " + resource.state());
        }
        NodeSpec spec = NodeRecords.spec(context, record, state.scale());
        if (spec == null) {
            return new Reached(record, resource, null, null, "its node type " + record.type() + " is no longer configured");
        }
        return new Reached(record, resource, spec, new NodeDeploy(context, generation, spec, resource).stackTarget(), null);
    }

    /**
     * Runs {@code work} for each node on a thread of its own (at most {@code parallel} at once) and
     * returns the results in the nodes' order. When the calling thread is interrupted, every
     * node's work is interrupted (which ends its command on the node) and waited for, and this
     * returns null with the thread's interrupt flag set.
     */
    static <T> List<T> onEach(List<NodeRecord> nodes, int parallel, String threadName, Function<NodeRecord, T> work) {
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(nodes.size(), parallel)), runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> running = new ArrayList<>();
            for (NodeRecord node : nodes) {
                running.add(executor.submit(() -> work.apply(node)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : running) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            executor.shutdownNow();
            awaitStop(executor);
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(threadName + " failed unexpectedly", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static void awaitStop(ExecutorService executor) {
        try {
            executor.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException again) {
            // interrupted twice: stop waiting
        }
    }
}
