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

import static org.assertj.core.api.Assertions.assertThat;

/** Two real processes contend for an environment's lock: this test holds it, the shaded JAR asks for it. */
class CoordinatorLockIT {
    @TempDir
    Path temp;

    @Test
    void theJarExitsThreeNamingTheHolderWhileThisProcessHoldsTheLock() throws Exception {
        Path project = Fixtures.copy("projects/coordinated", temp.resolve("project"));
        Path logs = temp.resolve("logs");
        LocalYamlBackend backend = new LocalYamlBackend(project.resolve(".neckbeard/state"));
        Operator me = Operator.current();
        LockInfo held = backend.acquire("production", me.holder(), me.host(), me.pid(), "up", Duration.ofMinutes(5));

        JarProcess locked = JarProcess.start(project, logs, "locked", "scale", "production", "app=6");

        assertThat(locked.await()).as(locked.err()).isEqualTo(3);
        assertThat(locked.err()).contains(me.holder()).contains("since " + held.acquiredAt());
        assertThat(backend.lock("production")).contains(held);
        assertThat(backend.read("production").scale()).isEmpty();

        backend.release(held);
        JarProcess again = JarProcess.start(project, logs, "again", "scale", "production", "app=6");

        assertThat(again.await()).as(again.err()).isZero();
        assertThat(backend.read("production").scale()).containsEntry("app", 6);
    }
}
