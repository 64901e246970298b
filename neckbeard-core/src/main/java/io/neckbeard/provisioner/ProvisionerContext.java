package io.neckbeard.provisioner;

import io.neckbeard.core.Maps;

import java.nio.file.Path;
import java.util.Map;

/** What a provisioner is created with: the project, the app, the {@code provisioner:} block without {@code type}. */
public record ProvisionerContext(Path projectRoot, String app, Map<String, Object> settings) {
    public ProvisionerContext {
        settings = Maps.copy(settings);
    }
}
