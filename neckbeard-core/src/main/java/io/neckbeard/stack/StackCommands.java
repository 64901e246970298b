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

    /**
     * Shell functions: {@code group_running PGID} tells whether a process of the group still runs
     * (exited processes waiting to be reaped by init answer {@code kill -0} but hold no port: on
     * a busy or minimal init that can last seconds); {@code stop_group PIDFILE} stops the process
     * group whose leader's pid is in the file: TERM, up to 10 s, then KILL. A leader that still
     * runs answers at once from its {@code /proc} entry, read by a shell builtin; only a group
     * whose leader has exited is looked for with {@code ps}, which costs a process that reads all
     * of {@code /proc} (about 10 ms with a few hundred processes). The functions' variables start
     * with {@code nb_} so they leave the caller's alone.
     */
    static final String STOP_GROUP = String.join("\n",
            "group_running() {",
            "  kill -0 -\"$1\" 2>/dev/null || return 1",
            // the fields after "pid (comm) " are: state ppid pgrp ...; comm may hold spaces and parentheses
            "  if read -r nb_st 2>/dev/null < \"/proc/$1/stat\"; then",
            "    nb_st=${nb_st##*\") \"}",
            "    case ${nb_st%% *} in Z|X) ;; *) return 0;; esac",
            "  fi",
            "  nb_procs=$(ps -e -o pgid= -o stat= 2>/dev/null) || return 0",
            "  printf '%s\\n' \"$nb_procs\" | awk -v g=\"$1\" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'",
            "}",
            "stop_group() {",
            "  [ -f \"$1\" ] || return 0",
            "  nb_pid=; read -r nb_pid < \"$1\" || true",
            "  if [ -n \"$nb_pid\" ] && kill -0 -\"$nb_pid\" 2>/dev/null; then",
            "    kill -TERM -\"$nb_pid\" 2>/dev/null || true",
            "    nb_i=0",
            "    while group_running \"$nb_pid\" && [ $nb_i -lt 200 ]; do sleep 0.05; nb_i=$((nb_i+1)); done",
            "    kill -KILL -\"$nb_pid\" 2>/dev/null || true",
            "  fi",
            "  rm -f \"$1\"",
            "}");

    static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
