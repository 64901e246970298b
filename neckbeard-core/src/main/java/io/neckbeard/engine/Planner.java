package io.neckbeard.engine;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.Tags;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides, per node, what {@code up} does to a generation. Pure: it reads the desired nodes,
 * the coordinator's record of the generation and what discovery found, and changes nothing.
 */
public final class Planner {
    private final ConfigDigester digester;
    private final Predicate<String> managed;

    /** A planner for host nodes only. */
    public Planner(ConfigDigester digester) {
        this(digester, type -> false);
    }

    /** @param managed whether a node type's resources are managed services (launched and checked, never provisioned) */
    public Planner(ConfigDigester digester, Predicate<String> managed) {
        this.digester = digester;
        this.managed = managed;
    }

    /**
     * @param generation   the target generation's record, or null when it is still to be created
     * @param generationId the target generation's id
     * @param pending      building a pending generation: its nodes are never put into service
     * @param slug         digest of the slug to deploy
     * @param discovered   every resource discovery found for the environment, all providers
     */
    public List<NodePlan> plan(List<NodeSpec> desired, Generation generation, long generationId, boolean pending,
                               String slug, List<Resource> discovered) {
        return plan(desired, generation, generationId, pending, slug, discovered, Map.of());
    }

    /**
     * @param stopped by node name, the processes found stopped on an up-to-date node (e.g. "web is
     *                stopped"): their processes are restarted
     */
    public List<NodePlan> plan(List<NodeSpec> desired, Generation generation, long generationId, boolean pending,
                               String slug, List<Resource> discovered, Map<String, String> stopped) {
        List<NodeRecord> records = generation == null ? List.of() : generation.nodes();
        List<NodePlan> plans = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (NodeSpec node : desired) {
            wanted.add(node.name());
            NodeRecord record = records.stream().filter(r -> r.name().equals(node.name())).findFirst().orElse(null);
            plans.add(planNode(node, record, find(node.name(), record, generationId, discovered), pending, slug,
                    stopped.get(node.name())));
        }
        for (NodeRecord record : records) {
            if (!wanted.contains(record.name())) {
                Resource resource = find(record.name(), record, generationId, discovered);
                plans.add(new NodePlan(record.name(), record.type(), record.az(), null, record, resource, null,
                        List.of(Action.RETIRE), "no longer desired"));
            }
        }
        return List.copyOf(plans);
    }

    private NodePlan planNode(NodeSpec node, NodeRecord record, Resource resource, boolean pending, String slug, String stopped) {
        if (managed.test(node.type())) {
            return planManaged(node, record, resource);
        }
        if (resource == null) {
            List<Action> actions = pending ? List.of(Action.LAUNCH, Action.PROVISION)
                    : List.of(Action.LAUNCH, Action.PROVISION, Action.REGISTER);
            return plan(node, record, null, null, actions, launchReason(record));
        }
        String digest = digester.digest(node, resource);
        boolean recorded = record != null && resource.id().equals(record.resourceId());
        String change = !recorded || record.provisionedSlug() == null ? "never provisioned"
                : !record.provisionedSlug().equals(slug) ? "slug changed"
                : !digest.equals(record.provisionedConfig()) ? "configuration changed" : null;
        boolean serving = record != null && record.operational();
        if (change != null) {
            String reason = recorded ? change : "found " + resource.id() + " launched by an interrupted run; " + change;
            if (pending) {
                return plan(node, record, resource, digest, List.of(Action.PROVISION), reason);
            }
            List<Action> actions = serving ? List.of(Action.TAKE_OUT, Action.PROVISION, Action.PUT_BACK)
                    : List.of(Action.PROVISION, Action.REGISTER);
            return plan(node, record, resource, digest, actions, reason);
        }
        if (stopped != null) {
            List<Action> actions = pending || serving ? List.of(Action.RESTART) : List.of(Action.RESTART, Action.REGISTER);
            return plan(node, record, resource, digest, actions, "up to date but its processes stopped: " + stopped);
        }
        if (!pending && !serving) {
            return plan(node, record, resource, digest, List.of(Action.REGISTER), "up to date but out of its load balancer");
        }
        return plan(node, record, resource, digest, List.of(Action.NOTHING), "up to date");
    }

    /**
     * A managed node is launched and checked (slugs are not its); once recorded, a configuration
     * whose digest differs from the one recorded (none before managed nodes were digested) is
     * applied by its provider's {@code update}, then the node is checked again.
     */
    private NodePlan planManaged(NodeSpec node, NodeRecord record, Resource resource) {
        if (resource == null) {
            return plan(node, record, null, null, List.of(Action.LAUNCH, Action.CHECK), launchReason(record));
        }
        boolean recorded = record != null && resource.id().equals(record.resourceId());
        if (!recorded) {
            // its digest is recorded by the update a later up plans: what the interrupted run applied is not known
            return plan(node, record, resource, null, List.of(Action.CHECK),
                    "found " + resource.id() + " launched by an interrupted run");
        }
        String digest = digester.digest(node, resource);
        boolean healthy = record.lastHealth() != null && record.lastHealth().healthy();
        if (!digest.equals(record.provisionedConfig())) {
            return plan(node, record, resource, digest, List.of(Action.UPDATE, Action.CHECK),
                    healthy ? "configuration changed" : "not healthy when last checked; configuration changed");
        }
        if (!healthy) {
            return plan(node, record, resource, digest, List.of(Action.CHECK), "not healthy when last checked");
        }
        return plan(node, record, resource, digest, List.of(Action.NOTHING), "up to date");
    }

    private static NodePlan plan(NodeSpec node, NodeRecord record, Resource resource, String digest, List<Action> actions,
                                 String reason) {
        return new NodePlan(node.name(), node.type(), node.az(), node, record, resource, digest, actions, reason);
    }

    private static String launchReason(NodeRecord record) {
        if (record == null || record.resourceId() == null) {
            return "new node";
        }
        return "its resource " + record.resourceId() + " vanished";
    }

    /** The node's running resource: the recorded one, else one an interrupted run launched (found by its tags). */
    private static Resource find(String node, NodeRecord record, long generation, List<Resource> discovered) {
        List<Resource> live = discovered.stream().filter(r -> !r.gone()).toList();
        if (record != null && record.resourceId() != null) {
            for (Resource resource : live) {
                if (resource.id().equals(record.resourceId())) {
                    return resource;
                }
            }
        }
        String generationTag = Long.toString(generation);
        return live.stream()
                .filter(r -> node.equals(r.tags().get(Tags.NODE)) && generationTag.equals(r.tags().get(Tags.GENERATION)))
                .findFirst().orElse(null);
    }
}
