package io.neckbeard.stack;

import io.neckbeard.transport.local.LocalTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackCommandsTest {
    @TempDir
    Path dir;

    /**
     * A stopped process stays a zombie until init reaps it, which a minimal or busy init can
     * put off for seconds; {@code kill -0} still answers for it, so waiting on {@code kill -0}
     * made every restart wait that long although the port was already free.
     */
    @Test
    @Timeout(60)
    void aGroupWhoseProcessesHaveAllExitedIsNotRunningEvenBeforeTheyAreReaped() throws Exception {
        // The group's only process exits at once; its parent (exec'd into sleep) never reaps it.
        Process parent = new ProcessBuilder("/bin/sh", "-c", "setsid /bin/sh -c 'echo $$ > group.pid' & exec sleep 30")
                .directory(dir.toFile()).start();
        try {
            Path pidFile = dir.resolve("group.pid");
            while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
                Thread.sleep(20);
            }
            String group = Files.readString(pidFile).strip();
            List<String> output = runWithStopGroup(
                    "kill -0 -" + group + " 2>/dev/null && echo 'kill -0 answers'",
                    "group_running " + group + " && echo running || echo 'not running'",
                    "stop_group group.pid && echo stopped");

            assertThat(output).containsExactly("kill -0 answers", "not running", "stopped");
            assertThat(pidFile).doesNotExist();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    @Timeout(60)
    void aGroupWithALiveProcessIsRunningUntilStopped() throws Exception {
        List<String> output = runWithStopGroup(
                "(setsid /bin/sh -c 'echo $$ > group.pid; exec sleep 30' >/dev/null 2>&1 </dev/null &)",
                "while [ ! -s group.pid ]; do sleep 0.02; done",
                "g=$(cat group.pid)",
                "group_running $g && echo running",
                "stop_group group.pid",
                "group_running $g && echo still running || echo stopped");

        assertThat(output).containsExactly("running", "stopped");
    }

    /** The leader's own /proc entry answers while it runs; once it has exited, its group is looked for among all processes. */
    @Test
    @Timeout(60)
    void aGroupWhoseLeaderHasExitedIsRunningWhileAnotherOfItsProcessesRuns() throws Exception {
        List<String> output = runWithStopGroup(
                "(setsid /bin/sh -c 'sleep 30 & echo $! > child.pid; echo $$ > group.pid' >/dev/null 2>&1 </dev/null &)",
                "while [ ! -s group.pid ]; do sleep 0.02; done",
                "g=$(cat group.pid)",
                "while [ -e /proc/$g ] && [ \"$(cut -d' ' -f3 /proc/$g/stat)\" != Z ]; do sleep 0.02; done",
                "group_running $g && echo running",
                "kill $(cat child.pid)",
                "i=0; while group_running $g && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done",
                "group_running $g && echo still running || echo stopped");

        assertThat(output).containsExactly("running", "stopped");
    }

    /** Runs the lines after the Stack's stop functions in a shell in {@code dir}; returns its output lines. */
    private List<String> runWithStopGroup(String... lines) {
        List<String> script = new ArrayList<>(List.of(StackCommands.STOP_GROUP));
        script.addAll(List.of(lines));
        List<String> output = new ArrayList<>();
        new LocalTransport(dir, "t").run(StackCommands.lines(script), Map.of(), Duration.ofSeconds(30), output::add);
        return output;
    }
}
