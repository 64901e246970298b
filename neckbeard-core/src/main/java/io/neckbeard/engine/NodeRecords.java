package io.neckbeard.engine;

import io.neckbeard.model.NodeGroup;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import io.neckbeard.state.NodeRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turning what the coordinator remembers of a node back into what the SPIs work with. */
final class NodeRecords {
    private NodeRecords() {
    }

    /**
     * Refuses (exit 4) a recorded node's resource whose tags name another environment or app (a
     * mistaken {@code node adopt}): neckbeard must neither deploy to it nor destroy it.
     */
    static void requireOwned(DeployContext context, String node, Resource resource) {
        Tags.requireOwner(resource, context.project().app(), context.name(), "it is recorded as node " + node + " of "
                + context.name() + ": remove that record with `neckbeard node forget " + context.name() + " " + node
                + "`, then run the command again");
    }

    /** The recorded resource, state {@code unknown}: refresh it to learn whether it still runs. */
    static Resource resource(NodeRecord record) {
        return new Resource(record.resourceId(), record.provider(), record.address(), ResourceState.UNKNOWN, Map.of(),
                record.attributes());
    }

    /**
     * The configured node a record belongs to, also for a node scaled away since (its spec is
     * what the configuration would give it at a count that includes it); null when its type is gone.
     */
    static NodeSpec spec(DeployContext context, NodeRecord record, Map<String, Integer> scale) {
        Map<String, Integer> counts = new HashMap<>(scale);
        NodeGroup group = context.environment().nodes().get(record.type());
        // Only a node beyond the current count needs a larger one; otherwise the counts stay the
        // configured ones, whose nodes the project has already built.
        int current = counts.getOrDefault(record.type(), group == null ? 0 : group.count());
        counts.put(record.type(), Math.max(current, record.index()));
        List<NodeSpec> nodes = context.project().nodes(context.name(), counts);
        return nodes.stream().filter(n -> n.name().equals(record.name())).findFirst().orElse(null);
    }
}
