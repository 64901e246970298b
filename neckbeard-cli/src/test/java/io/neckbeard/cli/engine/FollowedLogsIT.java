package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.cli.testing.Poll;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C ends a real {@code logs -f}: exit 130, no stack trace, and no {@code tail} left behind on the nodes. */
class FollowedLogsIT {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void ctrlCEndsAFollowWithExit130AndNoTailLeftRunning() throws Exception {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
        NodeRecord web1 = project.state("dev").active().orElseThrow().nodes().stream()
                .filter(n -> n.name().equals("web-1")).findFirst().orElseThrow();
        JarProcess logs = JarProcess.start(project.root(), project.logs(), "logs", "logs", "dev", "-f", "-n", "0");
        int[] said = {0};
        logs.awaitWhileRunning("the follow prints a line written after it started", () -> {
            EngineProject.get(EngineProject.port(web1), "/say/followed-" + said[0]++);
            return logs.out().contains("web-1 web | followed-");
        });

        logs.interrupt();

        assertThat(logs.await()).isEqualTo(130);
        assertThat(logs.err()).doesNotContain("Exception").doesNotContain("\tat ");
        Poll.until("no tail outlives the follow", () -> EngineProject.processes(project.root()).stream()
                .noneMatch(p -> Processes.running(p) && p.info().command().orElse("").endsWith("tail")));
    }
}
