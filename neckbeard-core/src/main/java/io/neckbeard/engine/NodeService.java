package io.neckbeard.engine;

import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.Project;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code node adopt|forget ENV NODE}: corrects the active generation by hand, for the day a
 * resource was replaced outside neckbeard. An adopted node is recorded with only its resource
 * id: address, health and provisioning are unknown, so the next {@code up} looks the resource
 * up and provisions it. A resource whose tags name another environment is refused.
 */
public final class NodeService {
    private static final Logger LOG = LoggerFactory.getLogger(NodeService.class);
    private final Project project;
    private final Coordinator coordinator;
    private final Function<String, ResourceProvider> providers;

    /** @param providers the resource provider of a type, to look an adopted resource up */
    public NodeService(Project project, Coordinator coordinator, Function<String, ResourceProvider> providers) {
        this.project = project;
        this.coordinator = coordinator;
        this.providers = providers;
    }

    /** @param action {@code adopted} or {@code forgotten}; @param resourceId the adopted id, or the forgotten node's */
    public record NodeChange(String environment, long generation, String node, String resourceId, String action) {
    }

    public NodeChange adopt(String environment, String node, String resourceId, List<String> arguments) {
        project.environment(environment);
        try (EnvironmentSession session = coordinator.session(environment, "node adopt", arguments)) {
            // Checks run inside update() so that a refusal is audited as failed, not ok.
            EnvironmentState stored = session.update(state -> state.withGeneration(
                    withNode(state, adopted(environment, state, node, resourceId), coordinator.clock().instant())));
            long generation = stored.active().orElseThrow().id();
            session.generation(generation);
            return new NodeChange(environment, generation, node, resourceId, "adopted");
        }
    }

    public NodeChange forget(String environment, String node, List<String> arguments) {
        project.environment(environment);
        try (EnvironmentSession session = coordinator.session(environment, "node forget", arguments)) {
            String[] forgottenResource = new String[1];
            EnvironmentState stored = session.update(state -> {
                Generation active = state.active().orElseThrow(() -> new NeckbeardException(ExitCode.USAGE,
                        environment + " has no active generation, so there is no node to forget",
                        "see: neckbeard status " + environment));
                NodeRecord gone = active.nodes().stream().filter(record -> record.name().equals(node)).findFirst()
                        .orElseThrow(() -> new NeckbeardException(ExitCode.USAGE, "generation " + active.id() + " of "
                                + environment + " has no node " + node, "see: neckbeard status " + environment));
                forgottenResource[0] = gone.resourceId();
                List<NodeRecord> nodes = new ArrayList<>(active.nodes());
                nodes.remove(gone);
                return state.withGeneration(new Generation(active.id(), active.state(), active.createdAt(),
                        active.slug(), active.configDigest(), nodes));
            });
            long generation = stored.active().orElseThrow().id();
            session.generation(generation);
            return new NodeChange(environment, generation, node, forgottenResource[0], "forgotten");
        }
    }

    private NodeRecord adopted(String environment, EnvironmentState state, String node, String resourceId) {
        NodeSpec spec = project.nodes(environment, state.scale()).stream()
                .filter(candidate -> candidate.name().equals(node)).findFirst()
                .orElseThrow(() -> new NeckbeardException(ExitCode.USAGE, environment + " has no node " + node
                        + " in its configuration", "check the name with: neckbeard show " + environment));
        requireOwnResource(environment, spec, resourceId);
        return new NodeRecord(spec.name(), spec.type(), spec.az(), spec.resource(), resourceId, null, null, null, null,
                null, false, Map.of());
    }

    /**
     * Refuses (exit 4) a resource that belongs to another environment or app by its tags, and
     * any resource of a provider whose resources carry no tags (a static host is the one its
     * configuration lists: there is nothing to adopt).
     */
    private void requireOwnResource(String environment, NodeSpec spec, String resourceId) {
        ResourceProvider provider;
        try {
            provider = providers.apply(spec.resource());
        } catch (ProviderException unavailable) {
            // A provider this version cannot create (ec2, rds) can neither deploy to nor destroy the
            // resource, so recording it harms nothing; up and terminate check its tags once it can.
            LOG.warn("recording {} without checking its tags: {}", resourceId, unavailable.getMessage());
            return;
        }
        if (!provider.tagsResources()) {
            throw new NeckbeardException(ExitCode.REFUSED, "cannot adopt " + resourceId + " as " + spec.name() + " of "
                    + environment + ": " + spec.resource() + " resources carry no tags, so neckbeard cannot tell whose it is",
                    "a " + spec.resource() + " node's resource is the one its configuration names (static.hosts):"
                            + " change it there, then run neckbeard up " + environment);
        }
        Resource found = provider.refresh(new Resource(resourceId, spec.resource(), null, ResourceState.UNKNOWN, Map.of(), Map.of()));
        Tags.requireOwner(found, project.app(), environment, "adopt a resource of " + environment
                + " (launched for it, or made outside neckbeard and untagged), never another environment's");
    }

    /** The active generation with {@code node} added or replaced; a new active generation when there is none. */
    private static Generation withNode(EnvironmentState state, NodeRecord node, Instant now) {
        Generation active = state.active().orElseGet(() -> new Generation(state.nextGenerationId(), GenerationState.ACTIVE,
                now, null, null, List.of()));
        List<NodeRecord> nodes = new ArrayList<>(active.nodes());
        nodes.removeIf(record -> record.name().equals(node.name()));
        nodes.add(node);
        nodes.sort(NodeRecord.ORDER);
        return new Generation(active.id(), active.state(), active.createdAt(), active.slug(), active.configDigest(), nodes);
    }
}
