package io.neckbeard.packager.tarball;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.packager.Slug;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.testing.Fixtures;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TarballPackagerTest {
    @TempDir
    Path temp;
    Path project;

    @BeforeEach
    void copyProject() throws IOException {
        project = Fixtures.copy("slug-project", temp.resolve("project"));
    }

    private Slug build(Map<String, Object> settings) {
        return build(settings, project.resolve(".neckbeard/slugs"));
    }

    private Slug build(Map<String, Object> settings, Path output) {
        Packager packager = Plugins.builtIn().find(PackagerFactory.class, "tarball", "packager")
                .create(new PackagerContext(project, "hello", settings));
        return packager.build(new PackageRequest("hello", project, settings, output));
    }

    @Test
    void packsTheIncludedFilesSortedWithAFixedTimeAndAManifestLast() throws Exception {
        Slug slug = build(Map.of("include", List.of("app/", "Procfile"), "exclude", List.of("*.log")));

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> contents = read(slug.file(), entries);
        assertThat(entries.keySet()).containsExactly("Procfile", "app/server.py", "app/worker.sh", ".neckbeard/manifest.json");
        assertThat(entries.values()).allSatisfy(e -> {
            assertThat(e.getLastModifiedTime().toInstant()).hasToString("2000-01-01T00:00:00Z");
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getUserName()).isEmpty();
        });
        assertThat(slug.file()).hasFileName("hello-" + slug.id() + ".tar.gz").hasParent(project.resolve(".neckbeard/slugs"));
        assertThat(slug.digest()).matches("sha256:[0-9a-f]{64}").startsWith("sha256:" + slug.id());
        assertThat(slug.id()).hasSize(12);

        JsonNode manifest = Json.mapper().readTree(contents.get(".neckbeard/manifest.json"));
        assertThat(manifest.get("app").asText()).isEqualTo("hello");
        assertThat(manifest.get("digest").asText()).isEqualTo(slug.digest());
        assertThat(manifest.get("created_at").asText()).isNotBlank();
        assertThat(manifest.get("files")).hasSize(3);
        assertThat(manifest.get("files").get(1).get("path").asText()).isEqualTo("app/server.py");
        assertThat(manifest.get("files").get(1).get("sha256").asText())
                .isEqualTo(sha256(Files.readAllBytes(project.resolve("app/server.py"))));
    }

    @Test
    void equalInputsGiveAnEqualDigestAndTheExistingSlugIsReused() throws Exception {
        Slug first = build(Map.of());
        byte[] bytes = Files.readAllBytes(first.file());

        Slug second = build(Map.of());
        Slug elsewhere = build(Map.of(), temp.resolve("other-output"));

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(second.file())).isEqualTo(bytes);
        assertThat(elsewhere.digest()).isEqualTo(first.digest());
        Map<String, TarArchiveEntry> a = new LinkedHashMap<>();
        Map<String, TarArchiveEntry> b = new LinkedHashMap<>();
        Map<String, byte[]> contentA = read(first.file(), a);
        Map<String, byte[]> contentB = read(elsewhere.file(), b);
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        assertThat(contentB.get("app/server.py")).isEqualTo(contentA.get("app/server.py"));
    }

    @Test
    void aChangedFileOrExecutableBitGivesANewDigest() throws Exception {
        Slug original = build(Map.of());

        Files.setPosixFilePermissions(project.resolve("app/worker.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Slug executable = build(Map.of());
        Files.writeString(project.resolve("app/server.py"), "\n# changed", java.nio.file.StandardOpenOption.APPEND);
        Slug changed = build(Map.of());

        assertThat(List.of(original.digest(), executable.digest(), changed.digest())).doesNotHaveDuplicates();
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        read(executable.file(), entries);
        assertThat(entries.get("app/worker.sh").getMode()).isEqualTo(0100755);
        assertThat(entries.get("app/server.py").getMode()).isEqualTo(0100644);
        assertThat(original.file()).exists();
    }

    @Test
    void theDefaultInputIsTheProjectWithoutNeckbeardGitAndTarget() throws Exception {
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/HEAD"), "ref");
        Files.createDirectories(project.resolve("target"));
        Files.writeString(project.resolve("target/app.jar"), "jar");
        Slug slug = build(Map.of());

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        read(slug.file(), entries);

        assertThat(entries.keySet()).containsExactly("Procfile", "app/debug.log", "app/server.py", "app/worker.sh",
                ".neckbeard/manifest.json");
    }

    @Test
    void refusesASlugWithoutProcfile() {
        assertThatThrownBy(() -> build(Map.of("include", List.of("app"))))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("no Procfile");
                    assertThat(e.remedy()).contains("web:");
                });
    }

    @Test
    void aMissingIncludePathIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> build(Map.of("include", List.of("Procfile", "assets/"))))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("'assets/'");
                });
    }

    @Test
    void anUnknownSettingIsAUsageError() {
        assertThatThrownBy(() -> build(Map.of("includes", List.of("app"))))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("packager.includes");
                });
    }

    @Test
    void linksInsideTheProjectStayLinksInTheSlugFilesAndDirectoriesAlike() throws Exception {
        Files.createSymbolicLink(project.resolve("app/current.py"), Path.of("server.py"));
        Files.createSymbolicLink(project.resolve("code"), project.resolve("app"));

        Slug slug = build(Map.of("exclude", List.of("*.log")));

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> contents = read(slug.file(), entries);
        assertThat(entries.get("app/current.py").isSymbolicLink()).isTrue();
        assertThat(entries.get("app/current.py").getLinkName()).isEqualTo("server.py");
        assertThat(entries.get("code").isSymbolicLink()).isTrue();
        assertThat(entries.get("code").getLinkName()).isEqualTo("app");
        assertThat(entries).doesNotContainKey("code/server.py");
        JsonNode manifest = Json.mapper().readTree(contents.get(".neckbeard/manifest.json"));
        assertThat(manifest.get("files").findValuesAsText("link")).containsExactly("server.py", "app");
    }

    @Test
    void aLinkLeadingOutOfTheProjectIsAUsageErrorNamingIt() throws Exception {
        Path outside = Files.writeString(temp.resolve("passwd"), "root:x:0:0");
        Files.createSymbolicLink(project.resolve("app/passwd"), outside);
        Path outsideDir = Files.createDirectories(temp.resolve("shared"));
        Files.writeString(outsideDir.resolve("secret.txt"), "not for the slug");

        assertThatThrownBy(() -> build(Map.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("'app/passwd'").contains("outside the project");
                    assertThat(e.remedy()).contains("follow_links: true");
                });
        Files.delete(project.resolve("app/passwd"));
        Files.createSymbolicLink(project.resolve("shared"), outsideDir);
        assertThatThrownBy(() -> build(Map.of())).hasMessageContaining("'shared'");
        assertThatThrownBy(() -> build(Map.of("include", List.of("Procfile", "shared/secret.txt"))))
                .hasMessageContaining("'shared/secret.txt'");
    }

    @Test
    void followLinksPacksTheContentOfWhatALinkLeadingOutPointsTo() throws Exception {
        Files.createSymbolicLink(project.resolve("app/passwd"), Files.writeString(temp.resolve("passwd"), "root:x:0:0"));
        Path outsideDir = Files.createDirectories(temp.resolve("shared"));
        Files.writeString(outsideDir.resolve("lib.txt"), "library");
        Files.createSymbolicLink(project.resolve("shared"), outsideDir);

        Slug slug = build(Map.of("follow_links", true));

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> contents = read(slug.file(), entries);
        assertThat(entries.get("app/passwd").isFile()).isTrue();
        assertThat(contents.get("app/passwd")).asString().isEqualTo("root:x:0:0");
        assertThat(contents.get("shared/lib.txt")).asString().isEqualTo("library");
    }

    @Test
    void followLinksMustBeABoolean() {
        assertThatThrownBy(() -> build(Map.of("follow_links", "yes")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("packager.follow_links must be true or false");
                });
    }

    static Map<String, byte[]> read(Path slug, Map<String, TarArchiveEntry> entries) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(slug));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), entry);
                contents.put(entry.getName(), tar.readAllBytes());
            }
        }
        return contents;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
