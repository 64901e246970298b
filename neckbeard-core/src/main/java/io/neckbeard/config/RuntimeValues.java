package io.neckbeard.config;

import java.util.Map;
import java.util.function.Function;

/**
 * Values known only while acting on a node, used to finish interpolation:
 * {@code ${generation}}, {@code ${node.port}} / {@code ${node.address}} (from the launched
 * resource; a key absent here is an error if referenced) and {@code ${env:VAR}}.
 */
public record RuntimeValues(long generation, Map<String, String> node, Function<String, String> environmentVariables) {
    public RuntimeValues {
        node = Map.copyOf(node);
    }
}
