package io.neckbeard.engine;

import io.neckbeard.packager.Slug;
import io.neckbeard.stack.ProcessStatus;
import io.neckbeard.stack.ProcfileEntry;
import io.neckbeard.transport.Transport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Finds the up-to-date nodes whose processes stopped (killed, or gone with a reboot), which
 * {@code plan} shows and {@code up} repairs by restarting them. One look per node, all at once,
 * bounded by {@link #TIMEOUT}; a node that does not answer in time is left as planned.
 */
final class StoppedProcesses {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DeployContext context;

    StoppedProcesses(DeployContext context) {
        this.context = context;
    }

    /** By node name, the stopped processes of the nodes that would be left alone or only registered ("web is stopped"). */
    Map<String, String> find(List<NodePlan> nodes, long generation, Slug slug) {
        List<NodePlan> candidates = nodes.stream().filter(StoppedProcesses::upToDate)
                .filter(node -> !context.managed(node.type())).toList();
        if (candidates.isEmpty()) {
            return Map.of();
        }
        List<String> names = context.stack().processes(slug).stream().map(ProcfileEntry::name).toList();
        ExecutorService executor = Executors.newFixedThreadPool(candidates.size(), runnable -> {
            Thread thread = new Thread(runnable, "neckbeard-processes");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, CompletableFuture<String>> looks = new LinkedHashMap<>();
            for (NodePlan node : candidates) {
                looks.put(node.name(), CompletableFuture.supplyAsync(() -> stopped(node, generation, names), executor));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Map<String, String> stopped = new LinkedHashMap<>();
            for (Map.Entry<String, CompletableFuture<String>> look : looks.entrySet()) {
                String found = look.getValue().completeOnTimeout(null, Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS).join();
                if (found != null) {
                    stopped.put(look.getKey(), found);
                }
            }
            return stopped;
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean upToDate(NodePlan node) {
        return node.spec() != null && node.resource() != null
                && (node.actions().equals(List.of(Action.NOTHING)) || node.actions().equals(List.of(Action.REGISTER)));
    }

    /** "web is stopped, worker is missing", or null when every process runs (or the node cannot be asked). */
    private String stopped(NodePlan node, long generation, List<String> names) {
        try (Transport transport = context.transport(node.spec(), generation, node.resource())) {
            List<ProcessStatus> statuses = context.processWatch(transport, node.resource(), node.name(), generation, names, false, Map.of())
                    .inspect();
            String stopped = statuses.stream().filter(ProcessStatus::stopped)
                    .map(s -> s.name() + " is " + s.state()).collect(Collectors.joining(", "));
            return stopped.isEmpty() ? null : stopped;
        } catch (RuntimeException e) {
            return null; // an unreachable node is no repair the plan can promise
        }
    }
}
