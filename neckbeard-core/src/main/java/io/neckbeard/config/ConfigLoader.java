package io.neckbeard.config;

import io.neckbeard.plugin.Plugins;

import java.nio.file.Path;
import java.util.List;

/** Loads, merges and validates a project's configuration. */
public final class ConfigLoader {
    private final Plugins plugins;

    public ConfigLoader(Plugins plugins) {
        this.plugins = plugins;
    }

    /**
     * Loads {@code <root>/neckbeard/config.yml} and the named environments (every
     * {@code neckbeard/envs/*.yml} when {@code environments} is empty), validating all of it.
     *
     * @throws ConfigException with every problem found
     */
    public Project load(Path root, List<String> environments) {
        throw new UnsupportedOperationException("the configuration engine is not written yet");
    }
}
