package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run ENV -- CMD} on real local nodes of the active generation. */
class RunCommandTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @BeforeEach
    void deploy() {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
    }

    @Test
    void runsOnEveryNodeInTheCurrentReleaseWithTheAppsEnvironmentPrefixedByNode() {
        Cli.Run run = project.run("run", "dev", "--", "echo", "$NECKBEARD_NODE", "$PORT", "&&", "test", "-f", "Procfile");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^web-1 \\| web-1 \\d+$").containsPattern("(?m)^web-2 \\| web-2 \\d+$");
    }

    @Test
    void aNodeFilterRunsOnThatNodeOnlyAndTheRunIsAudited() {
        Cli.Run run = project.run("run", "dev", "--node", "web-2", "--", "echo", "hello");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("web-2 | hello" + System.lineSeparator());
        assertThat(project.run("history", "dev", "--limit", "1").out()).contains("run dev --node web-2 -- echo hello");
    }

    @Test
    void aCommandFailingOnANodeExitsOneNamingTheNode() {
        Cli.Run run = project.run("-o", "json", "run", "dev", "--", "test", "$NECKBEARD_NODE", "=", "web-1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("error: web-2: exit 1");
        JsonNode report = run.json();
        assertThat(report.get("result").asText()).isEqualTo("failed");
        assertThat(report.at("/nodes/0/exit_code").asInt()).isZero();
        assertThat(report.at("/nodes/1/exit_code").asInt()).isEqualTo(1);
    }

    @Test
    void noPartOfACommandListRunsOnANodeWhoseReleaseCannotBeEntered() throws Exception {
        java.nio.file.Files.delete(project.root().resolve(".neckbeard/local/dev/g1-web-2/stack/current"));

        Cli.Run run = project.run("run", "dev", "--", "echo", "first;", "echo", "second");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("web-1 | first", "web-1 | second").doesNotContain("web-2 | first")
                .doesNotContain("web-2 | second");
    }

    @Test
    void standardInputGoesToTheCommandOnTheOneSelectedNode() {
        Cli.Run run = project.runWithInput("line one\nline two\n", "run", "dev", "--node", "web-1", "--", "wc", "-l");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^web-1 \\| *2$");
    }

    @Test
    void standardInputForSeveralNodesIsRefusedBeforeAnythingRuns() {
        Cli.Run run = project.runWithInput("data\n", "run", "dev", "--", "touch", "ran");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("standard input can go to one node only, and 2 nodes of dev are selected (web-1, web-2)")
                .contains("--node NODE");
        assertThat(project.root().resolve(".neckbeard/local/dev/g1-web-1/stack/current/ran")).doesNotExist();
    }

    @Test
    void anUnknownNodeExitsTwoListingTheNodes() {
        Cli.Run run = project.run("run", "dev", "--node", "web-9", "--", "true");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no node of generation 1 of dev matches --node web-9").contains("web-1, web-2");
    }

    @Test
    void sshToALocalNodeSaysItHasNoSshAndToUseRun() {
        Cli.Run ssh = project.run("ssh", "dev", "web-1", "--print");

        assertThat(ssh.exit()).isEqualTo(2);
        assertThat(ssh.err()).contains("web-1 of dev is a local node").contains("neckbeard run dev --node web-1 -- CMD");
    }
}
