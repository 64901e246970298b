package io.neckbeard.health.provider;

import io.neckbeard.health.CheckSettings;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthCheckContext;
import io.neckbeard.health.HealthCheckFactory;
import io.neckbeard.health.HealthResult;
import io.neckbeard.provider.Resource;

import java.util.Set;

/** {@code provider}: healthy while the node's resource provider reports the resource {@code running}. */
public final class ProviderHealthCheckFactory implements HealthCheckFactory {
    @Override
    public String type() {
        return "provider";
    }

    @Override
    public HealthCheck create(HealthCheckContext context) {
        new CheckSettings(context.settings(), Set.of()); // only timeout and interval are allowed
        return target -> {
            Resource now = target.provider().refresh(target.resource());
            String detail = "resource " + now.id() + " is " + now.state();
            return now.running() ? HealthResult.healthy(detail) : HealthResult.unhealthy(detail);
        };
    }
}
