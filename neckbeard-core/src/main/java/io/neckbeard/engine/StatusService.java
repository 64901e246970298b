package io.neckbeard.engine;

import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.model.Project;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code status ENV}: generations and nodes as the coordinator remembers them, and the lock
 * holder, with each node's health looked at now ({@link LiveHealth}) or as last recorded. Reads only.
 */
public final class StatusService {
    /** Looks at the nodes now; changes nothing. */
    public interface LiveHealth {
        /** By generation id, then node name: the health of every node of the generations that run. */
        Map<Long, Map<String, NodeHealth>> check(EnvironmentState state);
    }

    private final Project project;
    private final Coordinator coordinator;

    public StatusService(Project project, Coordinator coordinator) {
        this.project = project;
        this.coordinator = coordinator;
    }

    /** With the health the coordinator recorded ({@code status --cached}): no node is contacted. */
    public StatusReport status(String environment) {
        return status(environment, state -> Map.of());
    }

    /** With each node's health from {@code live} where it has one, else as recorded. */
    public StatusReport status(String environment, LiveHealth live) {
        project.environment(environment);
        EnvironmentState state = coordinator.read(environment);
        Map<Long, Map<String, NodeHealth>> health = live.check(state);
        StatusReport.Lock lock = coordinator.backend().lock(environment)
                .map(held -> new StatusReport.Lock(held.holder(), held.acquiredAt(), held.command())).orElse(null);
        List<StatusReport.GenerationStatus> generations = new ArrayList<>();
        for (Generation generation : state.generations()) {
            generations.add(0, new StatusReport.GenerationStatus(generation.id(), generation.state().id(),
                    generation.createdAt(), generation.slug(), generation.nodes().stream()
                    .map(n -> node(n, health.getOrDefault(generation.id(), Map.of()).get(n.name()))).toList()));
        }
        return new StatusReport(environment, lock, generations);
    }

    /** @param live its health observed now, or null to show the recorded one */
    private static StatusReport.NodeStatus node(NodeRecord node, NodeHealth live) {
        NodeHealth health = live != null ? live : node.lastHealth();
        return new StatusReport.NodeStatus(node.name(), node.type(), node.az(), node.resourceId(), node.address(),
                node.port(), node.url(), health == null ? null : health.healthy(), node.operational(),
                health == null ? null : health.checkedAt(), health == null ? null : health.detail());
    }
}
