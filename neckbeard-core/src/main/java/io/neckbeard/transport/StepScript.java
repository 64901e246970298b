package io.neckbeard.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * Named shell steps run in order as one command on a node (one round trip over SSH), stopping at
 * the first that fails. Each runs in a subshell of its own, with its own variables; before it the
 * command prints a marker line (with a fresh nonce, so no output of a step can forge one), which
 * tells which step runs: a failure names its step and carries the tail of that step's output only.
 */
public final class StepScript {
    /** One step: {@code script} for {@code /bin/sh}, with {@code environment} exported for it alone. */
    public record Step(String name, String script, Map<String, String> environment) {
        public Step {
            environment = Map.copyOf(environment);
        }
    }

    /**
     * How the steps ended.
     *
     * @param failed the index of the step that failed, or -1 when every step succeeded
     * @param result the failing step's exit code and output tail (of the last step when all succeeded)
     */
    public record Outcome(int failed, CommandResult result) {
        public boolean succeeded() {
            return failed < 0;
        }
    }

    private StepScript() {
    }

    /**
     * @param output  every line the steps print, markers left out
     * @param started told the index of each step as it starts on the node
     */
    public static Outcome run(Transport transport, List<Step> steps, Duration timeout, Consumer<String> output,
                              IntConsumer started) {
        return run(transport, List.of(), steps, timeout, output, started);
    }

    /**
     * The same, after putting {@code files} on the node (see {@link Transport#putAndRun}: one round trip
     * over SSH); a file that cannot be put fails with the transport's exception before any step runs.
     */
    public static Outcome run(Transport transport, List<NodeFile> files, List<Step> steps, Duration timeout,
                              Consumer<String> output, IntConsumer started) {
        String marker = "neckbeard-step-" + UUID.randomUUID() + " ";
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            script.append("echo ").append(quote(marker + i)).append("\n(\n");
            step.environment().forEach((name, value) -> script.append("export ").append(name).append('=').append(quote(value)).append('\n'));
            script.append(step.script()).append(step.script().endsWith("\n") ? "" : "\n")
                    // not "|| exit": a step's own "set -e" would be ignored inside an AND-OR list
                    .append(")\nnb_status=$?\n[ $nb_status -eq 0 ] || exit $nb_status\n");
        }
        Tail tail = new Tail(marker, output, started);
        CommandResult result = transport.putAndRun(files, script.toString(), Map.of(), timeout, tail::accept);
        return new Outcome(result.succeeded() ? -1 : Math.max(0, tail.step), new CommandResult(result.exitCode(), tail.text()));
    }

    /** Passes the lines on, follows the markers and keeps the current step's last lines. */
    private static final class Tail {
        private final String marker;
        private final Consumer<String> output;
        private final IntConsumer started;
        private final Deque<String> lines = new ArrayDeque<>();
        private int step = -1;

        Tail(String marker, Consumer<String> output, IntConsumer started) {
            this.marker = marker;
            this.output = output;
            this.started = started;
        }

        void accept(String line) {
            if (line.startsWith(marker)) {
                step = Integer.parseInt(line.substring(marker.length()).strip());
                lines.clear();
                started.accept(step);
                return;
            }
            if (lines.size() == Commands.TAIL_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
            output.accept(line);
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
