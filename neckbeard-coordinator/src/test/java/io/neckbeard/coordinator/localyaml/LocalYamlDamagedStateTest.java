package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalYamlDamagedStateTest {
    @TempDir
    Path dir;
    private Path stateFile;
    private byte[] damaged;
    private FileTime modified;
    private LocalYamlBackend backend;

    @BeforeEach
    void damageTheStateFile() throws IOException {
        stateFile = dir.resolve("production/state.yml");
        Files.createDirectories(stateFile.getParent());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("state/broken-syntax.yml")) {
            Files.write(stateFile, in.readAllBytes());
        }
        damaged = Files.readAllBytes(stateFile);
        modified = Files.getLastModifiedTime(stateFile);
        backend = new LocalYamlBackend(dir);
    }

    @Test
    void readNamesTheFileAndLineWithExitTwo() {
        assertThatThrownBy(() -> backend.read("production"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith(stateFile + ":7: not valid YAML");
    }

    @Test
    void aSessionOnADamagedStateFailsLeavesTheFileAloneAndReleasesTheLock() throws IOException {
        Coordinator coordinator = new Coordinator(backend);

        assertThatThrownBy(() -> coordinator.session("production", "vars", List.of("vars", "production", "set", "A=***")))
                .isInstanceOf(CoordinatorException.class);

        assertThat(Files.readAllBytes(stateFile)).isEqualTo(damaged);
        assertThat(Files.getLastModifiedTime(stateFile)).isEqualTo(modified);
        assertThat(backend.lock("production")).isEmpty();
    }

    @Test
    void aWriteOverAFileWithoutAVersionLineIsRefused() throws IOException {
        Files.writeString(stateFile, "environment: production\n");

        assertThatThrownBy(() -> backend.write(EnvironmentState.empty("production")))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith(stateFile + ":1:");
        assertThat(Files.readString(stateFile)).isEqualTo("environment: production\n");
    }

    @Test
    void aHandEditAfterAReadIsSeenByTheNextRead() throws IOException {
        Files.writeString(stateFile, "version: 1\nenvironment: production\ngenerations: []\n");
        assertThat(backend.read("production").vars()).isEmpty();

        Files.writeString(stateFile, "version: 1\nenvironment: production\nvars:\n  ADDED: by-hand\ngenerations: []\n");

        assertThat(backend.read("production").vars()).containsEntry("ADDED", "by-hand");
    }
}
