package io.neckbeard.coordinator;

import io.neckbeard.state.GenerationState;

import java.time.Instant;
import java.util.List;

/**
 * What {@code status ENV} shows; its JSON form is fixed by DESIGN §4.
 *
 * @param lock        who holds the environment's lock, or null
 * @param generations newest first
 */
public record StatusReport(String environment, Lock lock, List<GenerationStatus> generations) {
    public StatusReport {
        generations = List.copyOf(generations);
    }

    /** The same report without the terminated generations (what {@code status} shows unless {@code --all}). */
    public StatusReport withoutTerminated() {
        return new StatusReport(environment, lock, generations.stream()
                .filter(g -> !GenerationState.TERMINATED.id().equals(g.state())).toList());
    }

    public record Lock(String holder, Instant acquiredAt, String command) {
    }

    public record GenerationStatus(long id, String state, Instant createdAt, String slug, List<NodeStatus> nodes) {
        public GenerationStatus {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * @param port    the port the node serves on, or null
     * @param url     where it serves HTTP, or null
     * @param healthy the last health check's verdict, or null when it was never checked
     */
    public record NodeStatus(String name, String type, String az, String resourceId, String address, Integer port,
                             String url, Boolean healthy, boolean operational) {
    }
}
