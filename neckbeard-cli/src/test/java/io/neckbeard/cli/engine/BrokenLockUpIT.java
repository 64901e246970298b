package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.JarProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lock release --force} during a real {@code up}: the broken up stops at its next write with exit 3, the new holder proceeds. */
class BrokenLockUpIT {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @BeforeEach
    void slowProvisioning() throws Exception {
        project.writeEnvironment("dev", "extends: base\nnode_params: {web: {provision: {sleep: \"5\"}}}\n");
    }

    @Test
    void theBrokenUpGetsLockLostAndWritesNothingMore() throws Exception {
        JarProcess up = JarProcess.start(project.root(), project.logs(), "up", "up", "dev");
        Path lock = project.root().resolve(".neckbeard/state/dev/lock.yml");
        up.awaitWhileRunning("up holds the lock and has recorded a node",
                () -> Files.exists(lock) && project.state("dev").active().map(g -> g.nodes().size()).orElse(0) > 0);

        Cli.Run release = project.run("lock", "release", "dev", "--force");
        assertThat(release.exit()).as(release.err()).isZero();
        Cli.Run set = project.run("vars", "dev", "set", "AFTER=1");
        assertThat(set.exit()).as(set.err()).isZero();
        long version = project.state("dev").version();

        assertThat(up.await()).as(up.err()).isEqualTo(3);
        assertThat(up.err()).contains("lock lost");
        assertThat(project.state("dev").version()).isEqualTo(version);
        assertThat(project.run("history", "dev", "-o", "json").json().get("entries").get(0).get("result").asText())
                .isEqualTo("failed");
    }
}
