package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status --watch} of the real JAR: without a terminal it prints the plain status again
 * every 2 s; Ctrl-C ends it with exit 130 and no stack trace.
 */
class StatusWatchIT {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void watchRepeatsThePlainStatusUntilCtrlCEndsItWithExit130() throws Exception {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
        JarProcess watch = JarProcess.start(project.root(), project.logs(), "watch", "status", "dev", "--watch");
        watch.awaitWhileRunning("two frames are printed", () -> watch.out().split("dev: not locked", -1).length > 2);

        watch.interrupt();

        assertThat(watch.await()).isEqualTo(130);
        assertThat(watch.out()).startsWith("dev: not locked").contains("generation 1  active").doesNotContain("\033[");
        assertThat(watch.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void watchWithJsonIsAUsageError() {
        Cli.Run watch = project.run("-o", "json", "status", "dev", "--watch");

        assertThat(watch.exit()).isEqualTo(2);
        assertThat(watch.json().at("/error/message").asText()).contains("--watch cannot be combined with -o json");
    }
}
