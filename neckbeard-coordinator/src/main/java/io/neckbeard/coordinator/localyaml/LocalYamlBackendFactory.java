package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;

import java.util.List;
import java.util.Map;

/** {@code coordinator: {type: local-yaml, path: .neckbeard/state}}; a relative path is relative to the project. */
public final class LocalYamlBackendFactory implements CoordinatorBackendFactory {
    public static final String DEFAULT_PATH = ".neckbeard/state";

    @Override
    public String type() {
        return "local-yaml";
    }

    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        return PluginSettings.unknownKeys(settings, List.of("path"), "local-yaml coordinator");
    }

    @Override
    public CoordinatorBackend create(CoordinatorContext context) {
        Object path = context.settings().get("path");
        return new LocalYamlBackend(context.projectRoot().resolve(path == null ? DEFAULT_PATH : path.toString()));
    }
}
