package io.neckbeard.provider;

import io.neckbeard.plugin.Typed;

import java.util.List;
import java.util.Map;

/**
 * Registered in {@code META-INF/services/io.neckbeard.provider.ResourceProviderFactory};
 * {@code type()} is the id a node type names in {@code resource:}.
 */
public interface ResourceProviderFactory extends Typed {

    /**
     * Checks a node's merged (not yet run-time resolved) parameters without touching the
     * cloud, so {@code check} works offline. Returns every problem; never throws.
     */
    List<ParamProblem> validate(String nodeType, Map<String, Object> params);

    ResourceProvider create(ProviderContext context);
}
