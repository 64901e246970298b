package io.neckbeard.model;

import java.util.List;

/**
 * One node of an environment as the configuration defines it: {@code <type>-<index>},
 * placed in AZ number {@code (index-1) mod len(azs)}, with its deep-merged parameter tree.
 */
public record NodeSpec(String name, String type, int index, String az, String size, String resource,
                       List<String> services, ParamTree params) {
    public NodeSpec {
        services = List.copyOf(services);
    }
}
