package io.neckbeard.engine;

import java.util.List;

/**
 * The result document of {@code up}, {@code promote}, {@code rollback} and {@code terminate}:
 * {@code {"environment", "generation", "result", "nodes": [{"name", "type", "az", "action", "result", "detail"}]}}.
 *
 * @param result {@code ok}, {@code failed} or {@code dry-run}
 */
public record DeployResult(String environment, long generation, String result, List<NodeOutcome> nodes) {
    public DeployResult {
        nodes = List.copyOf(nodes);
    }

    public static DeployResult of(String environment, long generation, List<NodeOutcome> nodes) {
        boolean failed = nodes.stream().anyMatch(NodeOutcome::failed);
        return new DeployResult(environment, generation, failed ? "failed" : "ok", nodes);
    }

    public boolean failed() {
        return "failed".equals(result);
    }
}
