package io.neckbeard.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A command run inside a project's subdirectory finds the project, as git finds its repository. */
class FindProjectRootTest {
    @TempDir
    Path dir;

    @Test
    void aSubdirectoryFindsTheNearestDirectoryAboveHoldingNeckbeardConfig() throws Exception {
        Path project = project(dir.resolve("shop"));
        Path deep = Files.createDirectories(project.resolve("app/static/css"));

        assertThat(ConfigLoader.findProjectRoot(deep)).isEqualTo(project);
        assertThat(ConfigLoader.findProjectRoot(project)).isEqualTo(project);
    }

    @Test
    void aProjectInsideAProjectIsTheNearestOne() throws Exception {
        Path inner = project(project(dir.resolve("outer")).resolve("services/inner"));

        assertThat(ConfigLoader.findProjectRoot(inner.resolve("neckbeard/envs"))).isEqualTo(inner);
    }

    @Test
    void withoutAProjectAboveTheStartItselfIsTheAnswer() throws Exception {
        Path lonely = Files.createDirectories(dir.resolve("lonely/sub"));
        Files.createDirectories(dir.resolve("lonely/neckbeard")); // a neckbeard/ without config.yml is no project

        assertThat(ConfigLoader.findProjectRoot(lonely)).isEqualTo(lonely);
    }

    private static Path project(Path root) throws Exception {
        Files.createDirectories(root.resolve("neckbeard"));
        Files.writeString(root.resolve("neckbeard/config.yml"), "app: shop\n");
        return root;
    }
}
