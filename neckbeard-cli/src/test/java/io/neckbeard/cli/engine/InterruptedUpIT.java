package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.JarProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C during a real {@code up -o json}: exit 130, one JSON document saying so, the lock released,
 * the audit trail says so, a re-run converges.
 */
class InterruptedUpIT {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @BeforeEach
    void slowProvisioning() throws Exception {
        project.writeEnvironment("dev", "extends: base\nnode_params: {web: {provision: {sleep: \"5\"}}}\n");
    }

    @Test
    void ctrlCPrintsOneJsonDocumentReleasesTheLockAndIsAuditedAsInterrupted() throws Exception {
        JarProcess up = JarProcess.start(project.root(), project.logs(), "up", "up", "dev", "-o", "json");
        Path lock = project.root().resolve(".neckbeard/state/dev/lock.yml");
        up.awaitWhileRunning("up holds the lock and has recorded a node",
                () -> Files.exists(lock) && project.state("dev").active().map(g -> g.nodes().size()).orElse(0) > 0);

        up.interrupt();

        assertThat(up.await()).isEqualTo(130);
        JsonNode error = new Cli.Run(130, up.out(), up.err()).json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("interrupted");
        assertThat(error.get("exit_code").asInt()).isEqualTo(130);
        assertThat(error.get("done").isArray()).isTrue();
        assertThat(up.err()).contains("interrupted; re-run to resume");
        Cli.Run lockStatus = project.run("lock", "status", "dev");
        assertThat(lockStatus.exit()).as(lockStatus.err()).isZero();
        assertThat(lockStatus.out()).contains("not locked");
        assertThat(project.run("history", "dev", "--limit", "1").out()).contains("up dev").contains("interrupted");

        project.writeEnvironment("dev", "extends: base\n");
        Cli.Run rerun = project.run("up", "dev");
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        assertThat(project.state("dev").active().orElseThrow().nodes()).hasSize(2)
                .allSatisfy(node -> assertThat(EngineProject.body(node)).contains("generation=1"));
    }
}
