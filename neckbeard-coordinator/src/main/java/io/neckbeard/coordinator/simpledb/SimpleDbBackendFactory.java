package io.neckbeard.coordinator.simpledb;

import io.neckbeard.coordinator.AwsProfile;
import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.core.ExitCode;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code coordinator: {type: simpledb, domain: D, mirror: PATH, aws: {profile: P}}}. Names no SDK class
 * itself: {@code ServiceLoader} loads this factory for every command, and only {@link #create}
 * (through {@link SimpleDbClients}) brings in the AWS SDK v1.
 */
public final class SimpleDbBackendFactory implements CoordinatorBackendFactory {

    @Override
    public String type() {
        return "simpledb";
    }

    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        List<ParamProblem> problems = new ArrayList<>(PluginSettings.unknownKeys(settings, List.of("domain", "mirror", "aws"),
                "simpledb coordinator"));
        problems.addAll(PluginSettings.problemOf("domain", () -> domain(settings)));
        problems.addAll(PluginSettings.problemOf("aws", () -> AwsProfile.of(settings)));
        return problems;
    }

    @Override
    public CoordinatorBackend create(CoordinatorContext context) {
        String domain = domain(context.settings());
        Object mirror = context.settings().get("mirror");
        String profile = AwsProfile.of(context.settings());
        LocalYamlBackend copy = mirror == null ? null : new LocalYamlBackend(context.projectRoot().resolve(mirror.toString()));
        return SimpleDbClients.backend(domain, context.region(), profile,
                SimpleDbClients.endpointOverride(), copy);
    }

    private static String domain(Map<String, Object> settings) {
        Object domain = settings.get("domain");
        if (domain == null || domain.toString().isBlank()) {
            throw new CoordinatorException(ExitCode.USAGE, "coordinator.domain is missing in neckbeard/config.yml",
                    "name the SimpleDB domain: coordinator: {type: simpledb, domain: my-app-neckbeard}", null);
        }
        return domain.toString();
    }
}
