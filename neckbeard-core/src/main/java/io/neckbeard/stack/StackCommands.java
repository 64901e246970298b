package io.neckbeard.stack;

import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs one Stack step on a node and turns a non-zero exit into a {@link StackException} naming the step. */
final class StackCommands {
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    private StackCommands() {
    }

    static void run(Transport transport, String step, String script, Consumer<String> log) {
        CommandResult result = transport.run(script, Map.of(), STEP_TIMEOUT, log);
        if (!result.succeeded()) {
            throw new StackException("could not " + step + " on " + transport.describe() + " (exit " + result.exitCode() + "):\n"
                    + result.outputTail(), "fix what the output above says, then run the command again");
        }
    }

    /** Shell function stopping the process group whose leader's pid is in file {@code $1}: TERM, up to 10 s, then KILL. */
    static final String STOP_GROUP = String.join("\n",
            "stop_group() {",
            "  [ -f \"$1\" ] || return 0",
            "  pid=$(cat \"$1\")",
            "  if [ -n \"$pid\" ] && kill -0 -\"$pid\" 2>/dev/null; then",
            "    kill -TERM -\"$pid\" 2>/dev/null || true",
            "    i=0",
            "    while kill -0 -\"$pid\" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done",
            "    kill -KILL -\"$pid\" 2>/dev/null || true",
            "  fi",
            "  rm -f \"$1\"",
            "}");

    static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
