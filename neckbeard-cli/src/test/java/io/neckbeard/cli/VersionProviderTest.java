package io.neckbeard.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class VersionProviderTest {

    @Test
    void versionPrintsTheVersionTheGitCommitAndTheBuildDate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Neckbeard.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "--version");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed).containsPattern("(?m)^neckbeard \\d+\\.\\d+\\.\\d+")
                .containsPattern("(?m)^commit ([0-9a-f]{7,}|unknown)$")
                .containsPattern("(?m)^built \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$")
                .doesNotContain("${");
    }

    @Test
    void aSnapshotBuildSaysSo() {
        Properties info = new Properties();
        info.setProperty("version", "1.2.0-SNAPSHOT");

        assertThat(VersionProvider.lines(info)[0]).isEqualTo("neckbeard 1.2.0-SNAPSHOT (snapshot build, not a release)");
    }

    @Test
    void aReleaseBuildIsNotCalledASnapshot() {
        Properties info = new Properties();
        info.setProperty("version", "1.2.0");

        assertThat(VersionProvider.lines(info)[0]).isEqualTo("neckbeard 1.2.0");
    }

    @Test
    void aBuildOutsideGitPrintsUnknownForTheCommit() {
        Properties info = new Properties();
        info.setProperty("version", "1.2.0");
        // What resource filtering leaves when git-commit-id found no repository.
        info.setProperty("commit", "${git.commit.id.abbrev}");

        assertThat(VersionProvider.lines(info)).contains("commit unknown", "built unknown");
    }
}
