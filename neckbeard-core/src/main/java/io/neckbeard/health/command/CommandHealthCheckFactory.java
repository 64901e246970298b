package io.neckbeard.health.command;

import io.neckbeard.health.CheckSettings;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthCheckFactory;
import io.neckbeard.model.TypedSettings;

import java.util.Set;

/** {@code command}: runs {@code command} on the node through its transport; exit 0 is healthy. */
public final class CommandHealthCheckFactory implements HealthCheckFactory {
    @Override
    public String type() {
        return "command";
    }

    @Override
    public HealthCheck create(TypedSettings settings) {
        CheckSettings checked = new CheckSettings(settings, Set.of("command"));
        return new CommandHealthCheck(checked.required("command"));
    }
}
