package io.neckbeard.health.tcp;

import io.neckbeard.health.CheckSettings;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthCheckContext;
import io.neckbeard.health.HealthCheckFactory;

import java.util.Set;

/** {@code tcp}: healthy when a connection to {@code port} (default the node's) is accepted. */
public final class TcpHealthCheckFactory implements HealthCheckFactory {
    @Override
    public String type() {
        return "tcp";
    }

    @Override
    public HealthCheck create(HealthCheckContext context) {
        CheckSettings checked = new CheckSettings(context.settings(), Set.of("port"));
        return new TcpHealthCheck(checked.integer("port", null, 1, 65535), checked);
    }
}
