package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code coordinator: {type: s3-yaml, bucket: B, prefix: neckbeard/}}. Every project lists this
 * factory through ServiceLoader, so it names no AWS SDK type: the SDK is loaded only by
 * {@link #create}, when a project really uses S3.
 */
public final class S3YamlBackendFactory implements CoordinatorBackendFactory {
    @Override
    public String type() {
        return "s3-yaml";
    }

    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        List<ParamProblem> problems = new ArrayList<>(PluginSettings.unknownKeys(settings, List.of("bucket", "prefix", "aws"),
                "s3-yaml coordinator"));
        problems.addAll(PluginSettings.problemOf("", () -> S3YamlSettings.of(settings, null)));
        return problems;
    }

    @Override
    public CoordinatorBackend create(CoordinatorContext context) {
        S3YamlSettings settings = S3YamlSettings.of(context.settings(), context.region());
        return S3YamlBackend.open(settings);
    }
}
