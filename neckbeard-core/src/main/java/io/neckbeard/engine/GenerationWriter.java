package io.neckbeard.engine;

import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.provider.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes one generation's node records through a session. Every change is durable when its
 * method returns, and every write is one whole compare-and-set state, so a run killed at any
 * moment leaves a valid state that a re-run resumes from. Changes from many node threads are
 * group-committed: whoever finds no write in flight writes every change queued so far in one
 * state write, and the others wait for the write that holds theirs (forty nodes would
 * otherwise queue behind each other's fsyncs).
 */
final class GenerationWriter {
    private final EnvironmentSession session;
    private final long generation;
    private final List<Change> queued = new ArrayList<>();
    private boolean writing;

    /** A queued change and, once written, its outcome. */
    private static final class Change {
        final UnaryOperator<EnvironmentState> apply;
        boolean done;
        RuntimeException failure;

        Change(UnaryOperator<EnvironmentState> apply) {
            this.apply = apply;
        }
    }

    GenerationWriter(EnvironmentSession session, long generation) {
        this.session = session;
        this.generation = generation;
    }

    long generation() {
        return generation;
    }

    /** The node's record now, or null. */
    NodeRecord record(String node) {
        return current(session.state()).nodes().stream().filter(r -> r.name().equals(node)).findFirst().orElse(null);
    }

    List<NodeRecord> records() {
        return current(session.state()).nodes();
    }

    /** Records a (new, or found again) resource for the node and where it serves: not provisioned, not operational. */
    void resource(String node, String type, String az, Resource resource, Integer port, String url) {
        NodeRecord record = new NodeRecord(node, type, az, resource.provider(), resource.id(), resource.address(),
                Instant.now(), null, null, null, false, resource.attributes(), port, url);
        replace(node, old -> record);
    }

    /** Where the node serves, for a record written before it was known (or that changed since). */
    void endpoint(String node, Integer port, String url) {
        change(node, r -> new NodeRecord(r.name(), r.type(), r.az(), r.provider(), r.resourceId(), r.address(),
                r.launchedAt(), r.provisionedSlug(), r.provisionedConfig(), r.lastHealth(), r.operational(), r.attributes(),
                port, url));
    }

    /** The slug and config it now runs, and its health right after: one write. */
    void provisioned(String node, String slug, String config, NodeHealth health) {
        change(node, r -> new NodeRecord(r.name(), r.type(), r.az(), r.provider(), r.resourceId(), r.address(),
                r.launchedAt(), slug, config, health, r.operational(), r.attributes(), r.port(), r.url()));
    }

    /** A managed node's config digest once its provider applied it, and its health right after: one write. */
    void configured(String node, String config, NodeHealth health) {
        change(node, r -> new NodeRecord(r.name(), r.type(), r.az(), r.provider(), r.resourceId(), r.address(),
                r.launchedAt(), r.provisionedSlug(), config, health, r.operational(), r.attributes(), r.port(), r.url()));
    }

    void health(String node, NodeHealth health) {
        change(node, r -> new NodeRecord(r.name(), r.type(), r.az(), r.provider(), r.resourceId(), r.address(),
                r.launchedAt(), r.provisionedSlug(), r.provisionedConfig(), health, r.operational(), r.attributes(),
                r.port(), r.url()));
    }

    void operational(String node, boolean operational) {
        change(node, r -> operational(r, operational));
    }

    void remove(String node) {
        write(state -> state.withGeneration(withNodes(current(state),
                current(state).nodes().stream().filter(r -> !r.name().equals(node)).toList())));
    }

    void generation(UnaryOperator<Generation> change) {
        write(state -> state.withGeneration(change.apply(current(state))));
    }

    static NodeRecord operational(NodeRecord r, boolean operational) {
        return new NodeRecord(r.name(), r.type(), r.az(), r.provider(), r.resourceId(), r.address(), r.launchedAt(),
                r.provisionedSlug(), r.provisionedConfig(), r.lastHealth(), operational, r.attributes(), r.port(), r.url());
    }

    static Generation withNodes(Generation g, List<NodeRecord> nodes) {
        return new Generation(g.id(), g.state(), g.createdAt(), g.slug(), g.configDigest(), nodes);
    }

    private void change(String node, UnaryOperator<NodeRecord> change) {
        replace(node, old -> {
            if (old == null) {
                throw new IllegalStateException("node " + node + " has no record in generation " + generation);
            }
            return change.apply(old);
        });
    }

    private void replace(String node, UnaryOperator<NodeRecord> change) {
        write(state -> {
            Generation current = current(state);
            List<NodeRecord> nodes = new ArrayList<>(current.nodes());
            int index = -1;
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).name().equals(node)) {
                    index = i;
                }
            }
            if (index >= 0) {
                nodes.set(index, change.apply(nodes.get(index)));
            } else {
                nodes.add(change.apply(null));
                nodes.sort(NodeRecord.ORDER);
            }
            return state.withGeneration(withNodes(current, nodes));
        });
    }

    /** Returns once {@code change} is in a state the session has written. */
    private void write(UnaryOperator<EnvironmentState> apply) {
        Change change = new Change(apply);
        List<Change> batch;
        synchronized (this) {
            queued.add(change);
            while (writing && !change.done) {
                waitForWrite();
            }
            if (change.done) {
                rethrow(change);
                return;
            }
            writing = true;
            batch = new ArrayList<>(queued);
            queued.clear();
        }
        RuntimeException failure = null;
        try {
            session.update(state -> {
                EnvironmentState next = state;
                for (Change queuedChange : batch) {
                    next = queuedChange.apply.apply(next);
                }
                return next;
            });
        } catch (RuntimeException e) {
            failure = e;
        }
        synchronized (this) {
            for (Change written : batch) {
                written.done = true;
                written.failure = failure;
            }
            writing = false;
            notifyAll();
        }
        rethrow(change);
    }

    private void waitForWrite() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while writing the state of generation "
                    + generation, "re-run the command: it resumes from what was written", e);
        }
    }

    private static void rethrow(Change change) {
        if (change.failure != null) {
            throw change.failure;
        }
    }

    private Generation current(EnvironmentState state) {
        return state.generation(generation).orElseThrow(() -> new IllegalStateException(
                "generation " + generation + " of " + state.environment() + " disappeared from the state"));
    }
}
