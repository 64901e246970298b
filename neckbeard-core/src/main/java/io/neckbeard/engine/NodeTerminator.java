package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.Transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes a recorded node out of its load balancer, stops its Stack processes and terminates its resource. */
final class NodeTerminator {
    private final DeployContext context;
    private final Map<String, Integer> scale;
    private final Progress progress;

    NodeTerminator(DeployContext context, Map<String, Integer> scale, Progress progress) {
        this.context = context;
        this.scale = Map.copyOf(scale);
        this.progress = progress;
    }

    /** Deregisters an operational node from its balancer (a type no longer configured has none to leave). */
    void deregister(NodeRecord record) {
        deregister(List.of(record));
    }

    /**
     * Deregisters the operational nodes among {@code records}, with one call per node type: a
     * deregistration waits out the balancer's drain time, once for all of them.
     */
    void deregister(List<NodeRecord> records) {
        Map<String, List<Target>> byType = new LinkedHashMap<>();
        for (NodeRecord record : records) {
            if (record.operational() && record.resourceId() != null && context.project().nodeTypes().containsKey(record.type())) {
                progress.step(record.name(), "deregister");
                byType.computeIfAbsent(record.type(), type -> new ArrayList<>()).add(target(record));
            }
        }
        byType.forEach((type, targets) -> context.loadBalancer(type).deregister(targets));
    }

    /**
     * Stops the node's processes and terminates its resource. The stop is best effort where the
     * resource goes anyway (a cloud instance, a local node, which checks for itself); on a host
     * that outlives the node (static) a failed stop fails the node (exit 1), resource kept.
     */
    void terminate(NodeRecord record, long generation) {
        if (record.resourceId() == null) {
            return;
        }
        ResourceProvider provider = context.provider(record.provider());
        Resource resource = provider.refresh(NodeRecords.resource(record));
        // an unreachable host still exists, and may still run the node's processes: try to stop them
        if (!resource.running() && resource.state() != ResourceState.UNREACHABLE) {
            return;
        }
        NodeSpec spec = NodeRecords.spec(context, record, scale);
        if (spec != null && !context.managed(record.type())) {
            progress.step(record.name(), "stop processes");
            try (Transport transport = context.transport(spec, generation, resource)) {
                context.stack().stop(transport, new NodeDeploy(context, generation, spec, resource).stackTarget());
            } catch (NeckbeardException e) {
                if (provider.holdsOneGeneration()) {
                    // the host outlives the node: a process left there would keep serving the old release
                    throw new NeckbeardException(ExitCode.FAILED, "could not make sure no process of " + record.name()
                            + " is left on its host " + resource.address() + ": " + e.getMessage(),
                            "make the host reachable (or stop the processes there by hand) and run the command again", e);
                }
                progress.output(record.name(), "could not stop its processes (" + e.getMessage() + "); terminating anyway");
            }
        }
        progress.step(record.name(), "terminate " + resource.id());
        provider.terminate(resource);
    }

    static Target target(NodeRecord record) {
        return Target.of(record.name(), NodeRecords.resource(record));
    }
}
