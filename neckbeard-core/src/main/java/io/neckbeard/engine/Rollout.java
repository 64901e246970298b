package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Works on nodes through a queue: each node starts as soon as a slot is free (at most
 * {@code parallel} at once) and the {@link FloorGate} allows it, in the order of the planned
 * waves, instead of waiting for the slowest node of a wave. A failed node stops the rollout: the
 * nodes in flight finish, nodes not started yet are reported {@code skipped}, so the active
 * generation stays at or above its floor. A bug in a node's work (an exception it throws) stops
 * the rollout the same way, then is thrown once the nodes in flight have finished and recorded
 * their state (the command exits 70).
 */
final class Rollout {
    private final Progress progress;

    Rollout(Progress progress) {
        this.progress = progress;
    }

    /** @return one outcome per node, in the order given */
    List<NodeOutcome> run(List<NodePlan> ordered, FloorGate gate, int parallel, Function<NodePlan, NodeOutcome> work) {
        return run(ordered, gate, parallel, type -> Set.of(), work);
    }

    /**
     * @param waitsFor the node types a type's nodes wait for ({@code ${peers...}}): a node starts only
     *                 once no node of those types is waiting or being worked on
     * @return one outcome per node, in the order given
     */
    List<NodeOutcome> run(List<NodePlan> ordered, FloorGate gate, int parallel, Function<String, Set<String>> waitsFor,
                          Function<NodePlan, NodeOutcome> work) {
        Map<String, NodeOutcome> outcomes = new HashMap<>();
        boolean failed = false;
        Throwable bug = null;
        List<NodePlan> waiting = new ArrayList<>(ordered);
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, ordered.size())), runnable -> {
            Thread thread = new Thread(runnable, "neckbeard-node");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<NodeOutcome> done = new ExecutorCompletionService<>(executor);
            Map<Future<NodeOutcome>, NodePlan> running = new HashMap<>();
            while (true) {
                for (Iterator<NodePlan> next = waiting.iterator(); !failed && next.hasNext() && running.size() < parallel; ) {
                    NodePlan node = next.next();
                    if (!waitingForPeers(node, waitsFor.apply(node.type()), waiting, running.values())
                            && gate.tryStart(node.workItem())) {
                        next.remove();
                        running.put(done.submit(() -> work.apply(node)), node);
                    }
                }
                if (running.isEmpty()) {
                    break;
                }
                Future<NodeOutcome> finished = next(done);
                NodePlan node = running.remove(finished);
                try {
                    NodeOutcome outcome = finished.get();
                    gate.finished(node.workItem(), !outcome.failed() && node.joinsService());
                    failed |= outcome.failed();
                    outcomes.put(outcome.name(), outcome);
                } catch (ExecutionException e) {
                    gate.finished(node.workItem(), false);
                    failed = true;
                    bug = bug == null ? e.getCause() : bug;
                } catch (InterruptedException e) {
                    throw interrupted(e);
                }
            }
        } finally {
            executor.shutdownNow();
        }
        // Without a failure nothing is left waiting: the plan refuses a rollout the floor does not allow.
        String why = failed ? "not started: the rollout stopped after a failure"
                : "not started: taking it out of service would break its min_per_az";
        waiting.forEach(node -> outcomes.put(node.name(), skipped(node, why)));
        if (bug instanceof Error error) {
            throw error;
        }
        if (bug != null) {
            throw (RuntimeException) bug; // work is a Function: nothing else can escape it
        }
        return ordered.stream().map(node -> outcomes.get(node.name())).toList();
    }

    private static boolean waitingForPeers(NodePlan node, Set<String> types, List<NodePlan> waiting,
                                           Collection<NodePlan> running) {
        return Stream.concat(waiting.stream(), running.stream())
                .anyMatch(other -> other != node && types.contains(other.type()));
    }

    private NodeOutcome skipped(NodePlan node, String why) {
        NodeOutcome outcome = new NodeOutcome(node.name(), node.type(), node.az(), node.describeActions(), "skipped", why);
        progress.finished(outcome);
        return outcome;
    }

    /** The next node's work to finish. */
    private static Future<NodeOutcome> next(CompletionService<NodeOutcome> done) {
        try {
            return done.take();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static NeckbeardException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while nodes were being worked on",
                "re-run the command: it resumes where this one stopped", e);
    }
}
