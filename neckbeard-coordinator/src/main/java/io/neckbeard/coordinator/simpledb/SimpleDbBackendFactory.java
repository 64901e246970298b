package io.neckbeard.coordinator.simpledb;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.core.ExitCode;

/**
 * {@code coordinator: {type: simpledb, domain: D, mirror: PATH, profile: P}}. Names no SDK class
 * itself: {@code ServiceLoader} loads this factory for every command, and only {@link #create}
 * (through {@link SimpleDbClients}) brings in the AWS SDK v1.
 */
public final class SimpleDbBackendFactory implements CoordinatorBackendFactory {

    @Override
    public String type() {
        return "simpledb";
    }

    @Override
    public CoordinatorBackend create(CoordinatorContext context) {
        Object domain = context.settings().get("domain");
        if (domain == null || domain.toString().isBlank()) {
            throw new CoordinatorException(ExitCode.USAGE, "coordinator.domain is missing in neckbeard/config.yml",
                    "name the SimpleDB domain: coordinator: {type: simpledb, domain: my-app-neckbeard}", null);
        }
        Object mirror = context.settings().get("mirror");
        Object profile = context.settings().get("profile");
        LocalYamlBackend copy = mirror == null ? null : new LocalYamlBackend(context.projectRoot().resolve(mirror.toString()));
        return SimpleDbClients.backend(domain.toString(), context.region(), profile == null ? null : profile.toString(),
                SimpleDbClients.endpointOverride(), copy);
    }
}
