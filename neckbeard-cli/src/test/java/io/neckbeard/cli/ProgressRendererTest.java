package io.neckbeard.cli;

import io.neckbeard.engine.NodeOutcome;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

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

    /** A question on the terminal (an SSH key's passphrase) is not drawn over: the live lines are cleared, then held. */
    @Test
    void liveModeClearsItsLinesWhilePausedAndDrawsWhatCameMeanwhileWhenResumed() {
        ProgressRenderer progress = new ProgressRenderer(new PrintWriter(err), true, false, false, outcome -> { });
        progress.step("web-1", "launch");

        progress.pause();
        int paused = err.toString().length();
        progress.step("web-1", "connect");
        progress.message("wave 1/1: web-1");
        assertThat(err.toString()).endsWith("\033[1A\033[J").hasSize(paused);

        progress.resume();
        assertThat(err.toString().substring(paused)).isEqualTo("wave 1/1: web-1\n  web-1  connect ...\n");
    }

    @Test
    void plainModeHoldsItsLinesWhilePaused() {
        ProgressRenderer progress = new ProgressRenderer(new PrintWriter(err), false, false, false, outcome -> { });

        progress.pause();
        progress.step("web-1", "provision");
        assertThat(err.toString()).isEmpty();

        progress.resume();
        assertThat(err.toString()).endsWith("web-1 provision ...\n");
    }

    @Test
    void liveModeEndsWithAProgressLineOfNodesWaveElapsedTimeAndEta() {
        MutableClock clock = new MutableClock();
        ProgressRenderer progress = new ProgressRenderer(new PrintWriter(err), true, false, false, outcome -> { }, clock);

        progress.planned(List.of(2, 2));
        progress.step("web-1", "provision");
        clock.advance(Duration.ofSeconds(30));
        progress.finished(new NodeOutcome("web-1", "web", "a", "provision", "ok", null));
        clock.advance(Duration.ofSeconds(30));
        progress.finished(new NodeOutcome("web-2", "web", "b", "provision", "ok", null));
        progress.step("web-3", "provision");

        String screen = err.toString();
        String last = screen.substring(screen.lastIndexOf("\033[J"));
        assertThat(last).endsWith("  [██████████░░░░░░░░░░] 2/4 nodes  wave 2/2  1m0s elapsed  ETA 1m0s" + System.lineSeparator());
        assertThat(last).contains("web-3  provision ...");
        assertThat(screen).contains("\033[3A\033[J"); // the progress line is cleared with the node lines
    }

    @Test
    void plainModeHasNoProgressLine() {
        ProgressRenderer progress = new ProgressRenderer(new PrintWriter(err), false, false, false, outcome -> { });

        progress.planned(List.of(1));
        progress.finished(new NodeOutcome("web-1", "web", "a", "provision", "ok", null));

        assertThat(err.toString()).doesNotContain("nodes").doesNotContain("█").matches("\\d\\d:\\d\\d:\\d\\d web-1 ok: provision\\R");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
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
