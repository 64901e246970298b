package io.neckbeard.coordinator.simpledb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS-backed factories are registered for every command, yet a JVM that does not use them loads no AWS SDK class (v1 or v2). */
class SdkStaysUnloadedTest {
    @TempDir
    Path dir;

    @Test
    void aJvmThatUsesLocalYamlLoadsNoSdkClass() throws Exception {
        Path log = dir.resolve("classes.log");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), OpenLocalYamlMain.class.getName(),
                dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(jvm.waitFor(2, TimeUnit.MINUTES)).isTrue();

        String classes = Files.readString(log);
        assertThat(jvm.exitValue()).as(classes).isZero();
        assertThat(classes).containsPattern("factories \\[[^]]*simpledb[^]]*], state version 0")
                .contains("io.neckbeard.coordinator.simpledb.SimpleDbBackendFactory")
                .doesNotContain("com.amazonaws").doesNotContain("software.amazon");
    }
}
