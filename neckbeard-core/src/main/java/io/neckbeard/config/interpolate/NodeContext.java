package io.neckbeard.config.interpolate;

import java.util.Map;

/**
 * The static built-ins of one node: {@code ${app}}, {@code ${env.name}}, {@code ${node.*}}.
 *
 * @param peers the environment's node types and their node counts, which {@code ${peers...}} may name
 */
public record NodeContext(String app, String environment, String name, String type, int index, String az,
                          Map<String, Integer> peers) {
    public NodeContext {
        peers = Map.copyOf(peers);
    }

    /** The value of a static built-in, or null when {@code expression} is not one. */
    Object value(String expression) {
        return switch (expression) {
            case "app" -> app;
            case "env.name" -> environment;
            case "node.name" -> name;
            case "node.type" -> type;
            case "node.index" -> index;
            case "node.az" -> az;
            default -> null;
        };
    }
}
