package io.neckbeard.engine;

import io.neckbeard.config.PeerOrder;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeGroup;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.packager.Slug;
import io.neckbeard.provider.Resource;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code plan ENV [--pending]}: what {@code up} would do, from the coordinator's state and one
 * batched discovery per provider. Takes no lock and writes nothing (it builds the slug, a local
 * file {@code up} reuses, to compare its digest).
 */
public final class PlanService {
    private final DeployContext context;

    public PlanService(DeployContext context) {
        this.context = context;
    }

    /** The plan against the coordinator's current state. */
    public Plan plan(boolean pending, Integer parallel) {
        return plan(context.coordinator().read(context.name()), pending, parallel);
    }

    /** The plan against {@code state} (the one a locked session read). */
    public Plan plan(EnvironmentState state, boolean pending, Integer parallel) {
        Slug slug = context.pack();
        Generation generation = (pending ? state.pending() : state.active()).orElse(null);
        long id = generation == null ? state.nextGenerationId() : generation.id();
        List<NodeSpec> desired = context.project().nodes(context.name(), state.scale());
        // a managed type's health check is refused (exit 2) before anything is planned, not on its first launch
        desired.stream().map(NodeSpec::type).distinct().filter(context::managed).forEach(context::healthCheck);
        Set<String> recorded = generation == null ? Set.of()
                : generation.nodes().stream().map(NodeRecord::provider).collect(Collectors.toSet());
        List<Resource> discovered = new ArrayList<>(context.discover(recorded));
        if (generation != null) {
            discovered.addAll(undiscovered(generation, discovered));
        }
        Planner planner = new Planner((node, resource) -> NodeParams.digest(NodeParams.resolve(node, id, resource,
                generation == null ? List.of() : generation.nodes()),
                context.roles(node.services()), state.vars()), context::managed);
        List<NodePlan> nodes = planner.plan(desired, generation, id, pending, slug.digest(), discovered);
        Map<String, String> stopped = new StoppedProcesses(context).find(nodes, id, slug);
        if (!stopped.isEmpty()) {
            nodes = planner.plan(desired, generation, id, pending, slug.digest(), discovered, stopped);
        }
        PeerOrder order = PeerOrder.of(desired);
        // referenced types first: their nodes are launched and healthy before the nodes that refer to them
        List<NodePlan> work = nodes.stream().filter(NodePlan::isWork)
                .sorted(Comparator.comparingInt(node -> order.depth(node.type()))).toList();
        int limit = parallel != null ? parallel : Math.max(1, work.size());
        try {
            requireOwned(generation, discovered);
            if (pending && generation == null) {
                requireRoomBeside(state, desired);
            }
            List<List<NodePlan>> waves = waves(work, nodes, limit);
            return new Plan(context.name(), id, generation == null, pending, slug, nodes, waves, null);
        } catch (NeckbeardException refused) {
            if (refused.exitCode() != ExitCode.REFUSED) {
                throw refused;
            }
            return new Plan(context.name(), id, generation == null, pending, slug, nodes, List.of(), refused);
        }
    }

    /**
     * The generation's recorded resources that discovery did not return, each asked of its provider:
     * a provider with no inventory of its own (existing hosts) finds nothing by tags, and a resource
     * that really vanished answers {@code gone} and is left out (the node is then relaunched).
     */
    private List<Resource> undiscovered(Generation generation, List<Resource> discovered) {
        Set<String> found = discovered.stream().map(Resource::id).collect(Collectors.toSet());
        List<NodeRecord> missing = generation.nodes().stream()
                .filter(record -> record.resourceId() != null && !found.contains(record.resourceId())).toList();
        RefreshedResources resources = new RefreshedResources(context);
        resources.refreshAll(missing);
        List<Resource> more = new ArrayList<>();
        for (NodeRecord record : missing) {
            Resource resource = resources.of(record);
            if (!resource.gone()) {
                more.add(resource);
            }
        }
        return more;
    }

    /** Refuses (exit 4) when a recorded node's resource belongs to another environment by its tags (a mistaken adopt). */
    private void requireOwned(Generation generation, List<Resource> discovered) {
        if (generation == null) {
            return;
        }
        Map<String, Resource> byId = new HashMap<>();
        discovered.forEach(resource -> byId.putIfAbsent(resource.id(), resource));
        for (NodeRecord record : generation.nodes()) {
            Resource resource = byId.get(record.resourceId());
            if (resource != null) {
                NodeRecords.requireOwned(context, record.name(), resource);
            }
        }
    }

    /**
     * A new generation beside a live one needs resources that can hold two: refuses (exit 4,
     * before anything is touched) when a node type's provider holds one generation per host.
     */
    private void requireRoomBeside(EnvironmentState state, List<NodeSpec> desired) {
        Generation live = state.active().orElse(null);
        if (live == null) {
            return;
        }
        for (NodeSpec node : desired) {
            if (context.provider(node.resource()).holdsOneGeneration()) {
                throw new NeckbeardException(ExitCode.REFUSED, "up --pending " + context.name() + ": node type " + node.type()
                        + " runs on resource " + node.resource() + ", whose hosts hold one generation at a time, and generation "
                        + live.id() + " is active on them",
                        "deploy in place with `neckbeard up " + context.name() + "` (a rolling deploy that keeps min_per_az serving)");
            }
        }
    }

    /** {@code min_per_az} by node type. */
    Map<String, Integer> floors() {
        Map<String, Integer> floors = new HashMap<>();
        for (NodeGroup group : context.environment().nodes().values()) {
            floors.put(group.type(), group.minPerAz());
        }
        return floors;
    }

    /** Operational nodes per (type, AZ) now. */
    static Map<Placement, Integer> operational(List<NodePlan> nodes) {
        Map<Placement, Integer> operational = new HashMap<>();
        nodes.stream().filter(NodePlan::serving).forEach(n -> operational.merge(n.placement(), 1, Integer::sum));
        return operational;
    }

    private List<List<NodePlan>> waves(List<NodePlan> work, List<NodePlan> nodes, int parallel) {
        Map<String, NodePlan> byName = new HashMap<>();
        work.forEach(n -> byName.put(n.name(), n));
        List<WorkItem> items = work.stream().map(NodePlan::workItem).toList();
        return new WaveScheduler(context.name(), floors(), parallel).schedule(items, operational(nodes)).stream()
                .map(wave -> wave.stream().map(item -> byName.get(item.node())).toList())
                .toList();
    }
}
