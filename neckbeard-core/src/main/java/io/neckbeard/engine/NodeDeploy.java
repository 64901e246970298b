package io.neckbeard.engine;

import io.neckbeard.health.HealthTarget;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.Tags;
import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.ServicePeers;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.transport.Transport;

import java.util.List;
import java.util.Map;

/**
 * One node of one generation as the engine acts on it. Every request a plugin gets about the
 * node (launch, provision, Stack, health check, load balancer target) is made here, from these
 * same fields, instead of each caller assembling its own from the context.
 *
 * @param resource the node's resource, or null before it is launched
 */
record NodeDeploy(DeployContext context, long generation, NodeSpec node, Resource resource) {

    NodeDeploy withResource(Resource launched) {
        return new NodeDeploy(context, generation, node, launched);
    }

    /** What launch, resume and update are asked with: the node's launch parameters, tags and client token. */
    LaunchRequest launchRequest(String clientToken, Resource seedFrom) {
        String app = context.project().app();
        return new LaunchRequest(app, context.name(), generation, node, NodeParams.forLaunch(node, generation),
                Tags.of(app, context.name(), generation,
                node.name()), clientToken, seedFrom, context.project().root());
    }

    /** Where the Stack puts the node's releases, and what goes into its env file. */
    StackTarget stackTarget(Map<String, String> appEnv, Map<String, String> configVars) {
        return StackTarget.forResource(resource, context.project().stack(), context.project().app(), context.name(),
                node.name(), generation, appEnv, configVars);
    }

    /** The Stack's place on the node, for what deploys nothing (stopping processes, running a command). */
    StackTarget stackTarget() {
        return stackTarget(Map.of(), Map.of());
    }

    ProvisionRequest provisionRequest(ResolvedParams params, Map<String, ServicePeers> peers, StackTarget stackTarget) {
        return new ProvisionRequest(context.project().app(), context.name(), generation, node, params,
                context.roles(node.services()), peers, context.project().root(), context.provisionerSettings(),
                stackTarget.root() + "/provision");
    }

    Target target() {
        return Target.of(node.name(), resource);
    }

    /** @param transport the node's transport, or null for a managed node (nothing to log into) */
    HealthTarget healthTarget(ResourceProvider provider, Transport transport) {
        return new HealthTarget(node.name(), resource.address(), resource.port(), resource, provider, transport);
    }

    List<Target> targets() {
        return List.of(target());
    }
}
