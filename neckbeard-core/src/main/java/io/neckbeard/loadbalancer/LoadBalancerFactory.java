package io.neckbeard.loadbalancer;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.Typed;
import io.neckbeard.plugin.ValidationContext;

import java.util.List;
import java.util.Map;

/** Registered in {@code META-INF/services}; {@code type()} is {@code load_balancers.<name>.type}. */
public interface LoadBalancerFactory extends Typed {
    /**
     * Every problem of this plugin's settings (its block without {@code type}), offline, each at
     * its key path inside the block ({@code ""} for the block itself): {@code check} reports each
     * at its file:line, and every command refuses (exit 2) before touching anything. Never throws
     * for a mistake in the settings. Start with {@link io.neckbeard.plugin.PluginSettings#unknownKeys}.
     */
    default List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        return List.of();
    }

    LoadBalancer create(LoadBalancerContext context);
}
