package io.neckbeard.config.yaml;

import io.neckbeard.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class YamlReaderTest {
    @TempDir
    Path temp;

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void aFileThatExpandsPastTheBoundThroughAliasesIsAProblemAtItsPosition() throws Exception {
        Path file = resource("invalid/alias-expansion/neckbeard/config.yml");

        YamlFile yaml = new YamlReader().read(file, Path.of("config.yml"), problems::add);

        assertThat(yaml).isNull();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message())
                    .isEqualTo("the file expands to more than 100000 values: aliases (*name) repeat whole mappings and lists");
            assertThat(problem.file()).isEqualTo(Path.of("config.yml"));
            assertThat(problem.line()).isBetween(6, 28);
        });
    }

    @Test
    void aliasesAreExpandedUpToTheBound() throws Exception {
        Path file = Files.writeString(temp.resolve("aliases.yml"), "a: &a [1, 2]\nb: *a\n");

        YamlFile yaml = new YamlReader().read(file, Path.of("aliases.yml"), problems::add);
        assertThat(problems).isEmpty();
        assertThat(((Map<?, ?>) yaml.root()).get("b")).isEqualTo(List.of(1, 2));

        assertThat(new YamlReader(5).read(file, Path.of("aliases.yml"), problems::add)).isNull();
        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).contains("more than 5 values"));
    }

    @Test
    void anAliasInsideWhatItRepeatsIsAProblem() throws Exception {
        YamlFile yaml = new YamlReader().read(resource("yaml/recursive-alias.yml"), Path.of("recursive-alias.yml"), problems::add);

        assertThat(yaml).isNull();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("repeats a mapping or list inside itself");
            assertThat(problem.line()).isEqualTo(2);
        });
    }

    @Test
    void aNamedPipeIsNotReadButReported() throws Exception {
        Path fifo = temp.resolve("x.yml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();

        YamlFile yaml = new YamlReader().read(fifo, Path.of("neckbeard/envs/x.yml"), problems::add);

        assertThat(yaml).isNull();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("not a regular file");
            assertThat(problem.file()).isEqualTo(Path.of("neckbeard/envs/x.yml"));
        });
    }

    private static Path resource(String name) throws Exception {
        return Path.of(YamlReaderTest.class.getClassLoader().getResource(name).toURI());
    }
}
