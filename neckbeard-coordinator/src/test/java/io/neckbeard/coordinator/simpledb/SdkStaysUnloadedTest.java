package io.neckbeard.coordinator.simpledb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The simpledb factory is registered for every command, yet a JVM that does not use it loads no AWS SDK v1 class. */
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
        assertThat(classes).contains("factories [local-yaml, simpledb], state version 0")
                .contains("io.neckbeard.coordinator.simpledb.SimpleDbBackendFactory")
                .doesNotContain("com.amazonaws");
    }
}
