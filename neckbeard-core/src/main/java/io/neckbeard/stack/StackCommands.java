package io.neckbeard.stack;

import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.ShellQuote;
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
        run(transport, step, script, STEP_TIMEOUT, log);
    }

    static void run(Transport transport, String step, String script, Duration timeout, Consumer<String> log) {
        CommandResult result = transport.run(script, Map.of(), timeout, log);
        if (!result.succeeded()) {
            throw new StackException("could not " + step + " on " + transport.describe() + " (exit " + result.exitCode() + "):\n"
                    + result.outputTail(), "fix what the output above says, then run the command again");
        }
    }

    /**
     * Shell functions: {@code group_running PGID} tells whether a process of the group still runs
     * (exited processes waiting to be reaped by init answer {@code kill -0} but hold no port: on
     * a busy or minimal init that can last seconds); {@code stop_pgid PGID} stops a process group:
     * TERM, up to 10 s, then KILL; {@code marked_groups [-x] MARKER} prints the process group of
     * every process whose environment holds {@code MARKER} (the whole variable with {@code -x}),
     * which finds a process whose pid file was lost; {@code stop_group PIDFILE [MARKER]} stops the
     * group whose leader's pid is in the file, or, when the file names none (missing, empty after
     * a full disk), the groups carrying the marker, then removes the file. A leader that still
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
            "stop_pgid() {",
            "  kill -0 -\"$1\" 2>/dev/null || return 0",
            "  kill -TERM -\"$1\" 2>/dev/null || true",
            "  nb_i=0",
            "  while group_running \"$1\" && [ $nb_i -lt 200 ]; do sleep 0.05; nb_i=$((nb_i+1)); done",
            "  kill -KILL -\"$1\" 2>/dev/null || true",
            "}",
            "marked_groups() {",
            "  nb_x=; [ \"$1\" != -x ] || { nb_x=-x; shift; }",
            // GNU grep reads every environment in one process; without -z support nothing is found
            "  for nb_f in $(grep -lzF $nb_x -e \"$1\" /proc/[0-9]*/environ 2>/dev/null); do",
            "    nb_p=${nb_f#/proc/}; nb_p=${nb_p%/environ}",
            "    read -r nb_st 2>/dev/null < \"/proc/$nb_p/stat\" || continue",
            "    nb_st=${nb_st##*\") \"}; nb_st=${nb_st#* }; nb_st=${nb_st#* }",
            "    echo \"${nb_st%% *}\"",
            "  done | sort -u",
            "}",
            "stop_group() {",
            "  nb_pid=; [ ! -f \"$1\" ] || read -r nb_pid < \"$1\" || true",
            "  case $nb_pid in *[!0-9]*) nb_pid=;; esac",
            "  if [ -n \"$nb_pid\" ]; then",
            "    stop_pgid \"$nb_pid\"",
            "  elif [ -n \"$2\" ]; then",
            "    for nb_g in $(marked_groups -x \"$2\"); do stop_pgid \"$nb_g\"; done",
            "  fi",
            "  rm -f \"$1\"",
            "}");

    /**
     * The line that runs {@code command} (which reads the name from {@code $n}, or gets it as its
     * argument) for each named process, or, when none is named, for each process with a file
     * {@code <root>/<dir>/<name><suffix>} (the root in {@code $R}).
     */
    static String forEachProcess(List<String> processes, String dir, String suffix, String command) {
        String each = command.contains("$n") ? command : command + " \"$n\"";
        return processes.isEmpty()
                ? "for f in \"$R\"/" + dir + "/*" + suffix + "; do [ -e \"$f\" ] || continue; n=${f##*/}; n=${n%" + suffix + "}; "
                        + each + "; done"
                : "for n in " + String.join(" ", processes.stream().map(ShellQuote::quote).toList()) + "; do " + each + "; done";
    }

    static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
