package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.ConflictException;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalYamlCompareAndSetTest {
    @TempDir
    Path dir;
    private Path stateFile;
    private LocalYamlBackend backend;

    @BeforeEach
    void openBackend() {
        stateFile = dir.resolve("production/state.yml");
        backend = new LocalYamlBackend(dir);
    }

    @Test
    void theVersionCheckReadsOnlyTheFirstLinesHoweverLargeTheFile() throws IOException {
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, "version: 1\nenvironment: production\n");
        try (RandomAccessFile file = new RandomAccessFile(stateFile.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: 3 GiB that no Java string or array could hold
        }

        EnvironmentState update = EnvironmentState.empty("production").withVersion(1).withVars(Map.of("A", "1"));

        // Loading the file fails with an OutOfMemoryError, which JUnit would not report as a plain failure.
        assertThatCode(() -> backend.write(update)).doesNotThrowAnyException();
        assertThat(new LocalYamlBackend(dir).read("production")).isEqualTo(update.withVersion(2));
    }

    @Test
    void aVersionBumpedInPlaceWithTheSameSizeAndTimeStillMakesAStaleWriteConflict() throws IOException {
        EnvironmentState read = backend.write(EnvironmentState.empty("production").withVars(Map.of("WHO", "us")));
        Object inode = Files.readAttributes(stateFile, BasicFileAttributes.class).fileKey();
        FileTime modified = Files.getLastModifiedTime(stateFile);
        String bumped = Files.readString(stateFile).replaceFirst("\\Aversion: 1\n", "version: 2\n");
        // Rewritten in place, as an editor that keeps the inode would, and dated back: only the content says it changed.
        Files.writeString(stateFile, bumped, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        Files.setLastModifiedTime(stateFile, modified);
        assertThat(Files.readAttributes(stateFile, BasicFileAttributes.class).fileKey()).isEqualTo(inode);

        assertThatThrownBy(() -> backend.write(read.withVars(Map.of("WHO", "them"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("expected version 1, found 2");
        assertThat(Files.readString(stateFile)).isEqualTo(bumped);
    }

    @Test
    void aWriteOverACopyOfAnotherEnvironmentsStateIsRefusedAndWritesNothing() throws IOException {
        backend.write(EnvironmentState.empty("production").withVars(Map.of("WHERE", "prod")));
        Path staging = dir.resolve("staging/state.yml");
        Files.createDirectories(staging.getParent());
        Files.copy(stateFile, staging);
        String copied = Files.readString(staging);

        assertThatThrownBy(() -> backend.write(EnvironmentState.empty("staging").withVersion(1)))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining(staging + ":2: this file holds the state of 'production', not of 'staging'");
        assertThat(Files.readString(staging)).isEqualTo(copied);
    }
}
