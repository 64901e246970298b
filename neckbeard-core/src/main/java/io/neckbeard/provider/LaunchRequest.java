package io.neckbeard.provider;

import io.neckbeard.core.Maps;
import io.neckbeard.model.NodeSpec;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a provider needs to launch one node idempotently.
 *
 * @param params      the node's resolved tree (may hold secrets: never log it)
 * @param clientToken stable for (app, env, generation, node): a retried launch must not create a second resource
 * @param seedFrom    the same node of the seed environment's active generation, or null for a blank launch
 * @param projectRoot the project directory (the local provider keeps nodes under it)
 */
public record LaunchRequest(String app, String environment, long generation, NodeSpec node,
                            Map<String, Object> params, Map<String, String> tags, String clientToken,
                            Resource seedFrom, Path projectRoot) {
    public LaunchRequest {
        params = Maps.copy(params);
        tags = Map.copyOf(tags);
    }
}
