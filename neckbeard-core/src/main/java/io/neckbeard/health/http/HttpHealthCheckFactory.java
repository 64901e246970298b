package io.neckbeard.health.http;

import io.neckbeard.health.CheckSettings;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthCheckContext;
import io.neckbeard.health.HealthCheckFactory;

import java.util.Set;

/** {@code http}: {@code path} (default {@code /}), {@code port} (default the node's), {@code expect_status} (default 200). */
public final class HttpHealthCheckFactory implements HealthCheckFactory {
    @Override
    public String type() {
        return "http";
    }

    @Override
    public HealthCheck create(HealthCheckContext context) {
        CheckSettings checked = new CheckSettings(context.settings(), Set.of("path", "port", "expect_status"));
        String path = checked.string("path", "/");
        return new HttpHealthCheck(path.startsWith("/") ? path : "/" + path, checked.integer("port", null, 1, 65535),
                checked.integer("expect_status", 200, 100, 599), checked);
    }
}
