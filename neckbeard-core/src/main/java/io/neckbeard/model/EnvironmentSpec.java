package io.neckbeard.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A deployable environment ({@code neckbeard/envs/<name>.yml}) with its extends chain resolved.
 *
 * @param chain             environment names from the root base to this one (this one last)
 * @param hooks             {@code before_up} / {@code after_promote} ... to the commands to run, in order
 * @param seedEnvironment   whose active generation seeds a new generation's data (default: this one)
 */
public record EnvironmentSpec(String name, Path file, List<String> chain, List<String> availabilityZones,
                              Map<String, NodeGroup> nodes, Map<String, List<String>> hooks,
                              String seedEnvironment) {
    public EnvironmentSpec {
        chain = List.copyOf(chain);
        availabilityZones = List.copyOf(availabilityZones);
        nodes = Map.copyOf(nodes);
        hooks = Map.copyOf(hooks);
    }

    /** The commands of hook {@code name} (e.g. {@code before_up}); empty when none. */
    public List<String> hook(String name) {
        return hooks.getOrDefault(name, List.of());
    }
}
