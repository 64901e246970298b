package io.neckbeard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which standard inputs {@code run} passes on: pipes and non-empty files, never a terminal or /dev/null. */
class StandardInputTest {
    @TempDir
    Path dir;

    @Test
    void aPipeOrANonEmptyFileCarriesInput() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path file = Files.writeString(dir.resolve("input"), "data\n");

        assertThat(StandardInput.carriesInput(fifo)).isTrue();
        assertThat(StandardInput.carriesInput(file)).isTrue();
    }

    @Test
    void devNullAnEmptyFileOrNothingCarryNoInput() throws Exception {
        assertThat(StandardInput.carriesInput(Path.of("/dev/null"))).isFalse();
        assertThat(StandardInput.carriesInput(Files.createFile(dir.resolve("empty")))).isFalse();
        assertThat(StandardInput.carriesInput(dir.resolve("missing"))).isFalse();
    }
}
