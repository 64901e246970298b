package io.neckbeard.engine;

import io.neckbeard.state.GenerationState;

import java.time.Instant;
import java.util.List;

/**
 * What {@code status ENV} shows; its JSON form is fixed by docs/commands.md.
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
     * @param port         the port the node serves on, or null
     * @param url          where it serves HTTP, or null
     * @param healthy      the health check's verdict (live, or the last recorded one with {@code --cached}), or null when never checked
     * @param checkedAt    when that verdict was observed, or null
     * @param healthDetail why, in the check's words (e.g. a process's exit code and log tail), or null
     */
    public record NodeStatus(String name, String type, String az, String resourceId, String address, Integer port,
                             String url, Boolean healthy, boolean operational, Instant checkedAt, String healthDetail) {
    }
}
