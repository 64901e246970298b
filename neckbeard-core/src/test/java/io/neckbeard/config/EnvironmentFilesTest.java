package io.neckbeard.config;

import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** check reads env files by the rules every other command applies to environments, and only regular files. */
class EnvironmentFilesTest {
    @TempDir
    Path temp;

    @Test
    void envFilesWhoseNamesAreNotEnvironmentNamesAreReportedAtTheFile() throws Exception {
        Path root = Fixtures.copy("projects/layers", temp.resolve("project"));
        Path envs = root.resolve("neckbeard/envs");
        for (String name : List.of("..", "a b", "x$(id)")) {
            Files.writeString(envs.resolve(name + ".yml"), "extends: base\n");
        }

        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of()));

        assertThat(failure).isNotNull();
        assertThat(failure.problems()).hasSize(3).allSatisfy(problem -> {
            assertThat(problem.message()).contains("is not a valid environment name");
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.fix()).contains("rename");
        });
        assertThat(failure.problems()).extracting(p -> p.file().getFileName().toString())
                .containsExactlyInAnyOrder("...yml", "a b.yml", "x$(id).yml");
    }

    @Test
    void anEnvFileThatIsANamedPipeIsReportedNotWaitedFor() throws Exception {
        Path root = Fixtures.copy("projects/layers", temp.resolve("project"));
        Path fifo = root.resolve("neckbeard/envs/x.yml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();

        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of()));

        assertThat(failure).isNotNull();
        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("not a regular file");
            assertThat(problem.file().toString()).endsWith("neckbeard/envs/x.yml");
        });
    }

    @Test
    void aConfigFileThatIsANamedPipeIsReportedNotWaitedFor() throws Exception {
        Path root = Fixtures.copy("projects/layers", temp.resolve("project"));
        Path config = root.resolve("neckbeard/config.yml");
        Files.delete(config);
        assertThat(new ProcessBuilder("mkfifo", config.toString()).inheritIO().start().waitFor()).isZero();

        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of()));

        assertThat(failure).isNotNull();
        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("not a regular file");
            assertThat(problem.file().toString()).endsWith("neckbeard/config.yml");
        });
    }
}
