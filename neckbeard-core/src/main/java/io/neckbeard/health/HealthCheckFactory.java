package io.neckbeard.health;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.Typed;
import io.neckbeard.plugin.ValidationContext;

import java.util.List;
import java.util.Map;

/** Registered in {@code META-INF/services}; {@code type()} is {@code health_check.type}. */
public interface HealthCheckFactory extends Typed {
    /**
     * Every problem of the {@code health_check:} block's settings (without {@code type}; the
     * engine's {@code interval} and {@code timeout} are checked by the engine, but are in the map),
     * as {@link io.neckbeard.coordinator.CoordinatorBackendFactory#validate} describes. The default
     * reports what {@link #create} throws.
     */
    default List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        return PluginSettings.problemOf("", () -> create(new HealthCheckContext(new TypedSettings(type(), settings, null))));
    }

    HealthCheck create(HealthCheckContext context);
}
