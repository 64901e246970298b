package io.neckbeard.config;

import java.util.Map;
import java.util.function.Function;

/**
 * Values known only while acting on a node, used to finish interpolation:
 * {@code ${generation}}, {@code ${node.port}} / {@code ${node.address}} (from the launched
 * resource; a key absent here is an error if referenced), {@code ${env:VAR}} and
 * {@code ${peers...}}.
 *
 * @param peers the same generation's node endpoints by the reference without its {@code peers.}
 *              prefix: {@code db.address}, {@code db.1.port}, {@code db.1.db_name}
 */
public record RuntimeValues(long generation, Map<String, String> node, Function<String, String> environmentVariables,
                            Map<String, String> peers) {
    public RuntimeValues {
        node = Map.copyOf(node);
        peers = Map.copyOf(peers);
    }

    /** Without peers: a {@code ${peers...}} reference then fails as not known yet. */
    public RuntimeValues(long generation, Map<String, String> node, Function<String, String> environmentVariables) {
        this(generation, node, environmentVariables, Map.of());
    }
}
