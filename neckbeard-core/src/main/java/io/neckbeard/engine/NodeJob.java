package io.neckbeard.engine;

import io.neckbeard.transport.Transport;

import java.util.function.Function;

/**
 * A node's work as {@link Rollout} runs it, in two parts: {@link #prepare} (connecting to the node),
 * which takes nothing out of service and changes nothing on the node, so it may run before the
 * {@link FloorGate} admits the node, while other nodes are worked on; then {@link #run}, the rest.
 */
interface NodeJob {
    /**
     * Opens the node's transport and connects it, changing nothing on the node.
     *
     * @return the connected transport, or null when there is nothing to connect to ahead (a node yet
     *         to be launched, a managed node)
     * @throws RuntimeException when the node cannot be reached ({@link io.neckbeard.core.NeckbeardException}),
     *                          or a bug (anything else)
     */
    Transport prepare(NodePlan node);

    /**
     * @param prepared the transport {@link #prepare} opened, or null (then the work opens its own);
     *                 closed by the work
     */
    NodeOutcome run(NodePlan node, Transport prepared);

    /** The outcome of a node whose preparation threw {@code failure}: the node was not touched. */
    NodeOutcome failedPreparation(NodePlan node, RuntimeException failure);

    /** Work with nothing to prepare ahead. */
    static NodeJob of(Function<NodePlan, NodeOutcome> work) {
        return new NodeJob() {
            @Override
            public Transport prepare(NodePlan node) {
                return null;
            }

            @Override
            public NodeOutcome run(NodePlan node, Transport prepared) {
                return work.apply(node);
            }

            @Override
            public NodeOutcome failedPreparation(NodePlan node, RuntimeException failure) {
                throw new IllegalStateException("nothing is prepared for " + node.name(), failure);
            }
        };
    }
}
