package io.neckbeard.engine;

import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.Transport;

import java.util.List;

/**
 * One health observation of a recorded node, now: its resource must be running, every process
 * the Stack started there must run, and its health check must pass. Used by the health gate of
 * promote and rollback and by {@code status}.
 */
final class NodeHealthCheck {
    private final DeployContext context;
    private final EnvironmentState state;

    /** @param state the environment's state: its scale (to find a node's configuration) and config vars (masked in details) */
    NodeHealthCheck(DeployContext context, EnvironmentState state) {
        this.context = context;
        this.state = state;
    }

    HealthResult check(NodeRecord record, long generation, RefreshedResources resources) {
        if (record.resourceId() == null) {
            return HealthResult.unhealthy("never launched");
        }
        NodeSpec spec = NodeRecords.spec(context, record, state.scale());
        if (spec == null) {
            return HealthResult.unhealthy("type " + record.type() + " is no longer configured");
        }
        try {
            Resource resource = resources.of(record);
            if (!resource.running()) {
                return HealthResult.unhealthy("resource " + record.resourceId() + " is " + resource.state());
            }
            Target target = NodeTerminator.target(record);
            if (context.managed(record.type())) {
                return HealthPoller.observe(context.healthCheck(record.type()), new HealthTarget(record.name(),
                        resource.address(), record.port(), resource, context.provider(record.provider()), null));
            }
            try (Transport transport = context.transport(spec, generation, resource)) {
                return HealthPoller.observe(context.healthCheck(record.type()), new HealthTarget(record.name(),
                                resource.address(), target.port() == 0 ? null : target.port(), resource,
                                context.provider(record.provider()), transport),
                        context.processWatch(transport, resource, record.name(), generation, List.of(), false, state.vars()));
            }
        } catch (RuntimeException e) {
            return HealthResult.unhealthy(Failures.describe(e));
        }
    }
}
