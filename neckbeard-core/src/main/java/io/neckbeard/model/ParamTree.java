package io.neckbeard.model;

import java.util.Map;

/**
 * A node's deep-merged parameter tree (maps, lists, strings, numbers, booleans), with the
 * origin of every leaf. Static references ({@code ${app}}, {@code ${env.name}},
 * {@code ${node.*}}, {@code ${params.*}}) are already resolved; runtime ones
 * ({@code ${generation}}, {@code ${node.port}}, {@code ${node.address}}, {@code ${env:VAR}})
 * are still written as {@code ${...}} until the engine resolves them
 * ({@code config.interpolate.RuntimeInterpolator.resolve}).
 */
public final class ParamTree {
    private final Map<String, Object> values;
    private final Map<String, Origin> provenance;

    /**
     * @param values     the merged tree (unmodifiable maps and lists)
     * @param provenance dotted path of every leaf to where it was set
     */
    public ParamTree(Map<String, Object> values, Map<String, Origin> provenance) {
        this.values = values;
        this.provenance = provenance;
    }

    public Map<String, Object> values() {
        return values;
    }

    /** Dotted leaf path (list items as {@code a.b[0]}) to origin. */
    public Map<String, Origin> provenance() {
        return provenance;
    }
}
