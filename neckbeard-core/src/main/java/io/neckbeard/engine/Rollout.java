package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.transport.Transport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>
 * Connecting to a node ({@link NodeJob#prepare}) takes nothing out of service, so it runs ahead:
 * once every started node is connected, the next waiting nodes (at most {@code parallel} of them)
 * are connected while the started ones are worked on, on a few threads of their own, and a node the
 * gate then admits goes straight to its work. A waiting node that cannot be connected to fails
 * (untouched) and stops the rollout as a failed node does; the connections of nodes that never
 * start are closed.
 */
final class Rollout {
    /**
     * Threads that connect ahead: the connections are off the critical path (made while other nodes
     * provision), so a few at a time suffice, and every thread costs memory.
     */
    private static final int CONNECTING_AHEAD = 8;
    /** An event that only wakes the rollout: a started node is connected. */
    private static final Future<Object> CONNECTED = CompletableFuture.completedFuture(null);

    private final Progress progress;

    Rollout(Progress progress) {
        this.progress = progress;
    }

    /** @return one outcome per node, in the order given */
    List<NodeOutcome> run(List<NodePlan> ordered, FloorGate gate, int parallel, Function<NodePlan, NodeOutcome> work) {
        return run(ordered, gate, parallel, type -> Set.of(), NodeJob.of(work));
    }

    /**
     * @param waitsFor the node types a type's nodes wait for ({@code ${peers...}}): a node starts only
     *                 once no node of those types is waiting or being worked on
     * @return one outcome per node, in the order given
     */
    List<NodeOutcome> run(List<NodePlan> ordered, FloorGate gate, int parallel, Function<String, Set<String>> waitsFor,
                          NodeJob job) {
        Map<String, NodeOutcome> outcomes = new HashMap<>();
        boolean failed = false;
        Throwable bug = null;
        List<NodePlan> waiting = new ArrayList<>(ordered);
        int threads = Math.max(1, Math.min(parallel, ordered.size()));
        ExecutorService workers = pool(threads, "neckbeard-node");
        ExecutorService connectors = pool(Math.min(threads, CONNECTING_AHEAD), "neckbeard-connect");
        // one queue for both kinds of event: a node's work finished, a connection was made (or failed)
        BlockingQueue<Future<Object>> events = new LinkedBlockingQueue<>();
        CompletionService<Object> work = new ExecutorCompletionService<>(workers, events);
        CompletionService<Object> connecting = new ExecutorCompletionService<>(connectors, events);
        Map<Future<Object>, NodePlan> running = new HashMap<>();
        AtomicInteger startedConnecting = new AtomicInteger(); // started nodes connecting in their own thread
        Map<Future<Object>, NodePlan> ahead = new LinkedHashMap<>();
        try {
            while (true) {
                for (Iterator<NodePlan> next = waiting.iterator(); !failed && next.hasNext() && running.size() < parallel; ) {
                    NodePlan node = next.next();
                    if (!waitingForPeers(node, waitsFor.apply(node.type()), waiting, running.values())
                            && gate.tryStart(node.workItem())) {
                        next.remove();
                        Future<Object> connection = takeAhead(ahead, node);
                        if (connection == null) {
                            startedConnecting.incrementAndGet();
                        }
                        running.put(work.submit(() -> work(job, node, connection, () -> {
                            startedConnecting.decrementAndGet();
                            events.add(CONNECTED);
                        })), node);
                    }
                }
                // the started nodes connect first: connections ahead would only slow theirs down
                if (!failed && startedConnecting.get() == 0) {
                    for (Iterator<NodePlan> next = waiting.iterator(); next.hasNext() && ahead.size() < parallel; ) {
                        NodePlan node = next.next();
                        if (!ahead.containsValue(node)) {
                            ahead.put(connecting.submit(() -> job.prepare(node)), node);
                        }
                    }
                }
                if (running.isEmpty()) {
                    break;
                }
                Future<Object> event = next(events);
                NodePlan node = running.remove(event);
                if (node == null) {
                    // a connection made: a started node's, or a waiting node's, which fails when it cannot be reached
                    NodePlan unstarted = ahead.get(event);
                    RuntimeException failure = unstarted == null ? null : failure(event);
                    if (failure != null) {
                        ahead.remove(event);
                        waiting.remove(unstarted);
                        failed = true;
                        outcomes.put(unstarted.name(), job.failedPreparation(unstarted, failure));
                        bug = bug == null && !(failure instanceof NeckbeardException) ? failure : bug;
                    }
                    continue;
                }
                try {
                    NodeOutcome outcome = (NodeOutcome) event.get();
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
            workers.shutdownNow();
            connectors.shutdown();
            ahead.keySet().forEach(Rollout::closeWhenConnected);
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

    /**
     * A started node's work: once connected, the rest; a failure to connect is its outcome.
     *
     * @param ahead its connection made ahead, or null: then it connects here, and says so to {@code connected}
     */
    private static NodeOutcome work(NodeJob job, NodePlan node, Future<Object> ahead, Runnable connected) {
        Transport transport;
        try {
            if (ahead != null) {
                transport = (Transport) ahead.get();
            } else {
                try {
                    transport = job.prepare(node);
                } finally {
                    connected.run();
                }
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (ExecutionException e) {
            return failedPreparation(job, node, e.getCause());
        } catch (RuntimeException e) {
            return failedPreparation(job, node, e);
        }
        return job.run(node, transport);
    }

    /** The outcome of a started node that could not be connected to; a bug is thrown once it is reported. */
    private static NodeOutcome failedPreparation(NodeJob job, NodePlan node, Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        RuntimeException failure = (RuntimeException) cause;
        NodeOutcome outcome = job.failedPreparation(node, failure);
        if (!(failure instanceof NeckbeardException)) {
            throw failure;
        }
        return outcome;
    }

    private static Future<Object> takeAhead(Map<Future<Object>, NodePlan> ahead, NodePlan node) {
        for (Iterator<Map.Entry<Future<Object>, NodePlan>> entries = ahead.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<Future<Object>, NodePlan> entry = entries.next();
            if (entry.getValue() == node) {
                entries.remove();
                return entry.getKey();
            }
        }
        return null;
    }

    /** The exception a finished connection threw (an {@link Error} is thrown on), or null when it connected. */
    private static RuntimeException failure(Future<Object> connection) {
        try {
            connection.get();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** Closes a node's connection made ahead for a node that never started, once it is made (it is bounded by the connect timeout). */
    private static void closeWhenConnected(Future<Object> connection) {
        try {
            Transport transport = (Transport) connection.get();
            if (transport != null) {
                transport.close();
            }
        } catch (ExecutionException e) {
            // never connected: nothing to close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
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

    /** The next node's work to finish, or connection to be made. */
    private static Future<Object> next(BlockingQueue<Future<Object>> events) {
        try {
            return events.take();
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
