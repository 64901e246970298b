package io.neckbeard.config.read;

import io.neckbeard.config.yaml.YamlFile;

import java.util.List;
import java.util.Map;

/**
 * One environment as written, either an env file ({@code deployable}, {@code basePath} "") or
 * a base in config.yml ({@code basePath} {@code environments.<name>}). Null fields are not set.
 *
 * @param loadBalancers this layer's settings per load balancer name, merged over config.yml's {@code load_balancers:}
 */
public record EnvDefinition(String name, YamlFile yaml, String basePath, boolean deployable, String extendsName,
                            List<String> availabilityZones, Map<String, NodeEntry> nodes, Map<String, Object> params,
                            Map<String, Map<String, Object>> nodeParams, Map<String, Map<String, Object>> azParams,
                            Map<String, List<String>> hooks, String seed,
                            Map<String, Map<String, Object>> loadBalancers) {

    /** The key path of {@code key} inside this definition. */
    public String path(String key) {
        return YamlFile.child(basePath, key);
    }

    /** How messages name it: {@code envs/staging.yml} or {@code base 'base' in config.yml}. */
    public String label() {
        return deployable ? "environment '" + name + "'" : "base environment '" + name + "'";
    }
}
