package io.neckbeard.stack;

import io.neckbeard.model.StackSettings;
import io.neckbeard.provider.Resource;

import java.util.Map;

/**
 * Where and what the Stack deploys on one node.
 *
 * @param root           the stack root on the node (releases, current, shared, logs, run)
 * @param processManager {@code direct} or {@code systemd}
 * @param port           the node's {@code PORT}, or null when the provider assigns none
 * @param appEnv         the node's {@code app_env} (may hold secrets read from {@code ${env:...}}: never logged)
 * @param configVars     the environment's shared config vars (values are secret: never logged)
 * @param address        the node's own address (the app's {@code NECKBEARD_ADDRESS}, to bind to on a multi-homed
 *                       host), or null when the provider gives none
 */
public record StackTarget(String root, int keepReleases, String processManager, String app, String environment,
                          String node, long generation, Integer port, Map<String, String> appEnv,
                          Map<String, String> configVars, String address) {
    public StackTarget {
        appEnv = Map.copyOf(appEnv);
        configVars = Map.copyOf(configVars);
        if (keepReleases < 1) {
            throw new IllegalArgumentException("keep_releases must be at least 1, was " + keepReleases);
        }
    }

    /**
     * The target for a launched resource: its {@code stack_root}, {@code process_manager} and
     * {@code port} attributes (the local provider sets them) win over the {@code stack:} settings.
     */
    public static StackTarget forResource(Resource resource, StackSettings stack, String app, String environment,
                                          String node, long generation, Map<String, String> appEnv,
                                          Map<String, String> configVars) {
        Map<String, String> attributes = resource.attributes();
        return new StackTarget(attributes.getOrDefault("stack_root", stack.root()), stack.keepReleases(),
                attributes.getOrDefault("process_manager", stack.processManager()), app, environment, node, generation,
                resource.port(), appEnv, configVars, resource.address());
    }
}
