package io.neckbeard.model;

import java.util.List;
import java.util.Map;

/** A backing service: chef-solo roles in order, and default parameters for the nodes that run it. */
public record ServiceSpec(String name, List<String> roles, Map<String, Object> params) {
    public ServiceSpec {
        roles = List.copyOf(roles);
    }
}
