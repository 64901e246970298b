package io.neckbeard.coordinator;

import io.neckbeard.config.Project;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;

import java.util.ArrayList;
import java.util.List;

/** {@code status ENV}: generations and nodes as the coordinator remembers them, and the lock holder. Reads only. */
public final class StatusService {
    private final Project project;
    private final Coordinator coordinator;

    public StatusService(Project project, Coordinator coordinator) {
        this.project = project;
        this.coordinator = coordinator;
    }

    public StatusReport status(String environment) {
        project.environment(environment);
        EnvironmentState state = coordinator.read(environment);
        StatusReport.Lock lock = coordinator.backend().lock(environment)
                .map(held -> new StatusReport.Lock(held.holder(), held.acquiredAt(), held.command())).orElse(null);
        List<StatusReport.GenerationStatus> generations = new ArrayList<>();
        for (Generation generation : state.generations()) {
            generations.add(0, new StatusReport.GenerationStatus(generation.id(), generation.state().id(),
                    generation.createdAt(), generation.slug(), generation.nodes().stream().map(StatusService::node).toList()));
        }
        return new StatusReport(environment, lock, generations);
    }

    private static StatusReport.NodeStatus node(NodeRecord node) {
        Boolean healthy = node.lastHealth() == null ? null : node.lastHealth().healthy();
        return new StatusReport.NodeStatus(node.name(), node.type(), node.az(), node.resourceId(), node.address(),
                node.port(), node.url(), healthy, node.operational());
    }
}
