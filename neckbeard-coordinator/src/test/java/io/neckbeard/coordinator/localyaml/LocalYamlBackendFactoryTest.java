package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.plugin.ValidationContext;
import io.neckbeard.state.EnvironmentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalYamlBackendFactoryTest {
    @TempDir
    Path project;

    @Test
    void isFoundByItsTypeAndKeepsStateUnderDotNeckbeardByDefault() {
        CoordinatorBackendFactory factory = Plugins.builtIn().find(CoordinatorBackendFactory.class, "local-yaml", "coordinator");

        try (CoordinatorBackend backend = factory.create(new CoordinatorContext(project, "hello", Map.of(), null))) {
            backend.write(EnvironmentState.empty("production"));
        }

        assertThat(project.resolve(".neckbeard/state/production/state.yml")).isRegularFile();
    }

    @Test
    void anUnknownSettingIsAProblemAtItsKeyWithADidYouMean() {
        List<ParamProblem> problems = new LocalYamlBackendFactory().validate(Map.of("paht", "ops/state"),
                new ValidationContext(null, List.of()));

        assertThat(problems).containsExactly(new ParamProblem("paht", "unknown setting 'paht' of the local-yaml coordinator",
                "did you mean 'path'? valid settings: path"));
        assertThat(new LocalYamlBackendFactory().validate(Map.of("path", "ops/state"), new ValidationContext(null, List.of())))
                .isEmpty();
    }

    @Test
    void resolvesARelativePathAgainstTheProject() {
        CoordinatorBackendFactory factory = new LocalYamlBackendFactory();

        try (CoordinatorBackend backend = factory.create(new CoordinatorContext(project, "hello",
                Map.of("path", "ops/state"), null))) {
            backend.write(EnvironmentState.empty("staging"));
        }

        assertThat(Files.exists(project.resolve("ops/state/staging/state.yml"))).isTrue();
    }
}
