package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.Neckbeard;
import io.neckbeard.core.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PackageCommandTest {
    @TempDir
    Path temp;
    Path project;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyProject() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/package-project").toURI());
        project = temp.resolve("project");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path to = project.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private int neckbeard(String... args) {
        out.reset();
        err.reset();
        String[] all = Stream.concat(Stream.of("-C", project.toString()), Stream.of(args)).toArray(String[]::new);
        return Neckbeard.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), all);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildsTheSlugOnceAndReusesItWhileTheInputsAreUnchanged() throws IOException {
        assertThat(neckbeard("package")).isZero();
        String first = stdout();
        String slug = first.lines().findFirst().orElseThrow();
        assertThat(Path.of(slug)).exists().hasParent(project.resolve(".neckbeard/slugs"));
        assertThat(first).contains("digest:  sha256:", "(built)");

        assertThat(neckbeard("package")).isZero();
        assertThat(stdout()).startsWith(slug + "\n").contains("(unchanged, reused)");

        Files.writeString(project.resolve("app/index.html"), "<h1>changed</h1>");
        assertThat(neckbeard("package")).isZero();
        assertThat(stdout()).doesNotStartWith(slug).contains("(built)");
    }

    @Test
    void printsOneJsonDocumentWithSlugDigestIdAndRebuilt() throws IOException {
        assertThat(neckbeard("package", "-o", "json")).isZero();

        JsonNode json = Json.mapper().readTree(stdout());
        assertThat(json.get("slug").asText()).endsWith(".tar.gz");
        assertThat(json.get("digest").asText()).startsWith("sha256:" + json.get("id").asText());
        assertThat(json.get("rebuilt").asBoolean()).isTrue();
        assertThat(json.size()).isEqualTo(4);
    }

    @Test
    void aProjectWithoutProcfileExitsTwoSayingHowToFixIt() throws IOException {
        Files.delete(project.resolve("Procfile"));

        assertThat(neckbeard("package")).isEqualTo(2);

        assertThat(stdout()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Procfile", "web:");
    }
}
