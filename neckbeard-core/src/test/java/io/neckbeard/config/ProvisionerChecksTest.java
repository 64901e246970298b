package io.neckbeard.config;

import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.model.Problem;
import io.neckbeard.model.Project;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Loading a project runs the provisioner's own validation, among every other check (local-yaml from the stand-ins). */
class ProvisionerChecksTest {
    @TempDir
    Path temp;

    @Test
    void aProvisionerProblemIsReportedTogetherWithTheConfigurationsOtherProblems() throws Exception {
        Path root = Fixtures.copy("projects/provisioner-and-other-problems", temp.resolve("project"));

        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of()));

        assertThat(failure).isNotNull();
        assertThat(failure.problems()).extracting(Problem::keyPath)
                .containsExactlyInAnyOrder("provisioner.scripts[0]", "node_types.web.size");
        Problem script = failure.problems().stream().filter(p -> p.keyPath().startsWith("provisioner")).findFirst().orElseThrow();
        assertThat(script.line()).isEqualTo(3);
        assertThat(script.message()).contains("'neckbeard/missing.sh'");
    }

    @Test
    void theProvisionerSeesTheRolesOfTheServicesTheNodeTypesRun() throws Exception {
        Path root = Fixtures.copy("projects/provisioner-roles", temp.resolve("project"));

        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of()));

        assertThat(failure).isNotNull();
        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.keyPath()).isEqualTo("provisioner");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("role 'nginx'").doesNotContain("nowhere");
        });
    }

    @Test
    void settingsWrittenWithNoValueCountAsNotWrittenSoTheShellRunsNoScripts() throws Exception {
        Path root = Fixtures.copy("projects/provisioner-settings-without-value", temp.resolve("project"));

        Project project = new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of());

        assertThat(project.provisioner().settings()).doesNotContainKey("timeout");
        assertThat(project.provisioner().settings().get("scripts")).isIn(null, List.of());
    }
}
