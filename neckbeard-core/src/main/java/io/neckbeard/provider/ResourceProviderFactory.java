package io.neckbeard.provider;

import io.neckbeard.model.ParamProblem;
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

    /**
     * {@link #validate(String, Map)} for node {@code <nodeType>-<index>}, for a provider whose
     * parameters depend on the node's index (the {@code static} provider's host list).
     */
    default List<ParamProblem> validate(String nodeType, int index, Map<String, Object> params) {
        return validate(nodeType, params);
    }

    ResourceProvider create(ProviderContext context);
}
