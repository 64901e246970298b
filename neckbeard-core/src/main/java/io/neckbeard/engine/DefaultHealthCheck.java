package io.neckbeard.engine;

import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;

/**
 * The check of a node type without {@code health_check}: a node with a port (its {@code web}
 * process listens there) must accept a connection on it; one without must have a running
 * resource. The engine looks at the node's processes besides, whatever the check.
 */
record DefaultHealthCheck(HealthCheck port, HealthCheck resource) implements HealthCheck {
    @Override
    public HealthResult check(HealthTarget target) {
        return target.port() == null ? resource.check(target) : port.check(target);
    }
}
