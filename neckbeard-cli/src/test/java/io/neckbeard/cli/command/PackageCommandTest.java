package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PackageCommandTest {
    @TempDir
    Path temp;
    Path project;
    Cli cli;

    @BeforeEach
    void copyProject() throws IOException {
        project = Fixtures.copy("package-project", temp.resolve("project"));
        cli = Cli.with("-C", project.toString());
    }

    @Test
    void buildsTheSlugOnceAndReusesItWhileTheInputsAreUnchanged() throws IOException {
        Cli.Run first = cli.run("package");
        assertThat(first.exit()).isZero();
        String slug = first.out().lines().findFirst().orElseThrow();
        assertThat(Path.of(slug)).exists().hasParent(project.resolve(".neckbeard/slugs"));
        assertThat(first.out()).contains("digest:  sha256:", "(built)");

        Cli.Run again = cli.run("package");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith(slug + "\n").contains("(unchanged, reused)");

        Files.writeString(project.resolve("app/index.html"), "<h1>changed</h1>");
        Cli.Run changed = cli.run("package");
        assertThat(changed.exit()).isZero();
        assertThat(changed.out()).doesNotStartWith(slug).contains("(built)");
    }

    @Test
    void printsOneJsonDocumentWithSlugDigestIdAndRebuilt() {
        Cli.Run run = cli.run("package", "-o", "json");
        assertThat(run.exit()).isZero();

        JsonNode json = run.json();
        assertThat(json.get("slug").asText()).endsWith(".tar.gz");
        assertThat(json.get("digest").asText()).startsWith("sha256:" + json.get("id").asText());
        assertThat(json.get("rebuilt").asBoolean()).isTrue();
        assertThat(json.size()).isEqualTo(4);
    }

    @Test
    void aProjectWithoutProcfileExitsTwoSayingHowToFixIt() throws IOException {
        Files.delete(project.resolve("Procfile"));

        Cli.Run run = cli.run("package");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Procfile", "web:");
    }
}
