package io.neckbeard.health;

import io.neckbeard.config.TypedSettings;
import io.neckbeard.plugin.Typed;

/** Registered in {@code META-INF/services}; {@code type()} is {@code health_check.type}. */
public interface HealthCheckFactory extends Typed {
    HealthCheck create(TypedSettings settings);
}
