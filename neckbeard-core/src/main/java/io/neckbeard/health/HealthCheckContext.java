package io.neckbeard.health;

import io.neckbeard.model.TypedSettings;

/**
 * What a health check is created with: a node type's {@code health_check:} block (its type, its
 * settings with the engine's {@code interval} and {@code timeout}, and where it was written, for messages).
 */
public record HealthCheckContext(TypedSettings settings) {
}
