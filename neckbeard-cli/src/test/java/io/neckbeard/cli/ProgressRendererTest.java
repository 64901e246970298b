package io.neckbeard.cli;

import io.neckbeard.engine.NodeOutcome;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRendererTest {
    private final StringWriter err = new StringWriter();

    @Test
    void plainModePrintsOneTimestampedLinePerEvent() {
        ProgressRenderer progress = new ProgressRenderer(new PrintWriter(err), false, false, false, outcome -> { });

        progress.message("wave 1/2: web-1, web-2");
        progress.step("web-1", "provision");
        progress.output("web-1", "secret-free provisioner line");
        progress.finished(new NodeOutcome("web-1", "web", "a", "take-out, provision, put-back", "failed", "provision: exit 3\ntail"));

        assertThat(err.toString().lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d wave 1/2: web-1, web-2"),
                line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d web-1 provision \\.\\.\\."),
                line -> assertThat(line).endsWith("web-1 failed: take-out, provision, put-back (provision: exit 3 ...)"));
    }

    @Test
    void verbosePlainModeAlsoShowsProvisioningOutput() {
        ProgressRenderer progress = new ProgressRenderer(new PrintWriter(err), false, false, true, outcome -> { });

        progress.output("web-2", "installing");

        assertThat(err.toString()).contains("web-2 | installing");
    }

    @Test
    void liveModeRedrawsOneLinePerNodeInPlace() {
        ProgressRenderer progress = new ProgressRenderer(new PrintWriter(err), true, false, false, outcome -> { });

        progress.step("web-1", "launch");
        progress.step("web-2", "launch");
        progress.step("web-1", "provision");

        String screen = err.toString();
        assertThat(screen).contains("\033[2A\033[J");
        assertThat(screen.substring(screen.lastIndexOf("\033[J"))).contains("web-1  provision ...", "web-2  launch ...");
    }

    @Test
    void quietPrintsNothing() {
        ProgressRenderer progress = new ProgressRenderer(new PrintWriter(err), false, true, true, outcome -> { });

        progress.message("wave 1/1");
        progress.step("web-1", "launch");
        progress.output("web-1", "line");

        assertThat(err.toString()).isEmpty();
    }
}
