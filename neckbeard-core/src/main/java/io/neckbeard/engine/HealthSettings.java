package io.neckbeard.engine;

import io.neckbeard.health.HealthCheck;

import java.time.Duration;

/**
 * A node type's health check and how the engine polls it: quickly at first, then every {@code interval}, until {@code timeout}.
 *
 * @param configured false for the default check of a type without {@code health_check}
 */
public record HealthSettings(HealthCheck check, Duration interval, Duration timeout, boolean configured) {
    public HealthSettings(HealthCheck check, Duration interval, Duration timeout) {
        this(check, interval, timeout, true);
    }
}
