package io.neckbeard.model;

import java.util.List;

/**
 * An entry of {@code node_types:}.
 *
 * @param loadBalancer name of a {@code load_balancers:} entry, or null for none
 * @param healthCheck  the health check block, or null when the type has none (then the node is
 *                     healthy when its provider says it runs)
 */
public record NodeTypeSpec(String name, String resource, String size, List<String> services,
                           String loadBalancer, TypedSettings healthCheck) {
    public NodeTypeSpec {
        services = List.copyOf(services);
    }
}
