package io.neckbeard.engine;

import io.neckbeard.state.Generation;

import java.util.List;

/**
 * The result document of {@code up}, {@code promote}, {@code rollback} and {@code terminate}:
 * {@code {"environment", "generation", "result", "nodes": [{"name", "type", "az", "action", "result", "detail"}],
 * "serving": [{"node", "address", "port", "url"}], "generations": [...]}}.
 *
 * @param generation  the generation acted on ({@code terminate}: the newest selected; 0 when none was)
 * @param result      {@code ok}, {@code failed} or {@code dry-run}
 * @param serving     where the generation's nodes serve once the command is done (see {@link Endpoint#serving});
 *                    empty for a dry run and for {@code terminate}
 * @param generations every generation acted on: {@code generation} alone, or for {@code terminate} each one
 *                    selected (none when nothing matched)
 */
public record DeployResult(String environment, long generation, String result, List<NodeOutcome> nodes,
                           List<Endpoint> serving, List<Long> generations) {
    public DeployResult {
        nodes = List.copyOf(nodes);
        serving = List.copyOf(serving);
        generations = List.copyOf(generations);
    }

    /** The result of a command that acted on one generation ({@code generation}, or none when 0). */
    public DeployResult(String environment, long generation, String result, List<NodeOutcome> nodes) {
        this(environment, generation, result, nodes, List.of(), generation == 0 ? List.of() : List.of(generation));
    }

    public static DeployResult of(String environment, long generation, List<NodeOutcome> nodes) {
        boolean failed = nodes.stream().anyMatch(NodeOutcome::failed);
        return new DeployResult(environment, generation, failed ? "failed" : "ok", nodes);
    }

    /** The same result, with where {@code generation}'s nodes serve now. */
    DeployResult servingFrom(Generation generation) {
        return new DeployResult(environment, this.generation, result, nodes, Endpoint.serving(generation), generations);
    }

    /** The same result, acting on each of {@code ids} (terminate). */
    DeployResult acting(List<Long> ids) {
        return new DeployResult(environment, generation, result, nodes, serving, ids);
    }

    public boolean failed() {
        return "failed".equals(result);
    }
}
