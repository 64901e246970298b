package io.neckbeard.health.command;

import io.neckbeard.health.CheckSettings;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthCheckContext;
import io.neckbeard.health.HealthCheckFactory;

import java.util.Set;

/** {@code command}: runs {@code command} on the node through its transport; exit 0 is healthy. */
public final class CommandHealthCheckFactory implements HealthCheckFactory {
    @Override
    public String type() {
        return "command";
    }

    @Override
    public HealthCheck create(HealthCheckContext context) {
        CheckSettings checked = new CheckSettings(context.settings(), Set.of("command"));
        return new CommandHealthCheck(checked.required("command"));
    }
}
