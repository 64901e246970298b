package io.neckbeard.health;

/** Is this node healthy right now? One quick observation; the engine polls until the check's timeout. */
public interface HealthCheck {
    HealthResult check(HealthTarget target);
}
