package io.neckbeard.cli;

import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.Operator;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --lock-timeout} with the shaded JAR as real processes. */
class LockTimeoutIT {
    @TempDir
    Path temp;

    @Test
    void aCommandWaitsForTheHeldLockAndProceedsOnceItIsReleased() throws Exception {
        Path project = Fixtures.copy("projects/coordinated", temp.resolve("project"));
        LocalYamlBackend backend = new LocalYamlBackend(project.resolve(".neckbeard/state"));
        Operator me = Operator.current();
        LockInfo held = backend.acquire("production", me.holder(), me.host(), me.pid(), "up", Duration.ofMinutes(5));

        JarProcess waiting = JarProcess.start(project, temp.resolve("logs"), "waiting", "--lock-timeout", "5m",
                "scale", "production", "app=6");
        waiting.awaitWhileRunning("it waits for the lock", () -> waiting.err().contains("waiting up to"));
        backend.release(held);

        assertThat(waiting.await()).as(waiting.err()).isZero();
        assertThat(backend.read("production").scale()).containsEntry("app", 6);
    }

    @Test
    void aCommandThatWaitedInVainExitsThreeNamingTheHolder() throws Exception {
        Path project = Fixtures.copy("projects/coordinated", temp.resolve("project"));
        LocalYamlBackend backend = new LocalYamlBackend(project.resolve(".neckbeard/state"));
        Operator me = Operator.current();
        backend.acquire("production", me.holder(), me.host(), me.pid(), "up", Duration.ofMinutes(5));

        JarProcess locked = JarProcess.start(project, temp.resolve("logs"), "locked", "--lock-timeout", "1s",
                "scale", "production", "app=6");

        assertThat(locked.await()).as(locked.err()).isEqualTo(3);
        assertThat(locked.err()).contains("locked by " + me.holder()).contains("waited 1s (--lock-timeout)");
        assertThat(backend.read("production").scale()).isEmpty();
    }

    @Test
    void eightProcessesSettingVarsWithALockTimeoutKeepEveryWrite() throws Exception {
        Path project = Fixtures.copy("projects/coordinated", temp.resolve("project"));
        List<JarProcess> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(JarProcess.start(project, temp.resolve("logs"), "writer-" + i, "--lock-timeout", "60s",
                    "vars", "production", "set", "WRITER_" + i + "=" + i));
        }
        for (JarProcess writer : writers) {
            assertThat(writer.await()).as(writer.err()).isZero();
        }

        LocalYamlBackend backend = new LocalYamlBackend(project.resolve(".neckbeard/state"));
        assertThat(backend.read("production").vars()).hasSize(8)
                .containsEntry("WRITER_0", "0").containsEntry("WRITER_7", "7");
        assertThat(backend.audit("production", 20)).hasSize(8).allMatch(entry -> entry.result().equals("ok"));
    }
}
