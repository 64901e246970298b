package io.neckbeard.stack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Procfile process as its process manager sees it now.
 *
 * @param state        {@code running}; {@code down} (exited, its supervisor restarts it after a
 *                     pause); {@code stopped} (started, but nothing of it runs any more: killed);
 *                     {@code missing} (never started)
 * @param exits        how often it exited since it was last started by a deploy or restart
 * @param lastExitCode the code of its last exit (128 + N after signal N), or null
 * @param lastExitAt   when it last exited, or null when unknown
 * @param logTail      the last lines of its log when it is not running or has exited (else empty)
 * @param pid          the pid of the app's process while it runs, or null
 * @param startedAt    when that process started, or null when unknown (not running, no {@code /proc})
 */
public record ProcessStatus(String name, String state, int exits, Integer lastExitCode, Instant lastExitAt,
                            List<String> logTail, Integer pid, Instant startedAt) {
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String MISSING = "missing";
    static final String PROCESS_LINE = "nb-process";
    static final String LOG_LINE = "nb-log";
    static final int LOG_LINES = 20;

    /**
     * {@code started_at PID} prints when the process started, in epoch seconds, or {@code -}: its
     * start time in clock ticks after boot (field 22 of {@code /proc/PID/stat}) plus the boot time.
     * {@code set --} sets the function's own arguments only.
     */
    static final String STARTED_AT = String.join("\n",
            "started_at() {",
            "  nb_st=; read -r nb_st 2>/dev/null < \"/proc/$1/stat\" || { echo -; return 0; }",
            // the fields after "pid (comm) " start with field 3; comm may hold spaces and parentheses
            "  set -- ${nb_st##*\") \"}; shift 19",
            "  nb_boot=$(sed -n 's/^btime //p' /proc/stat 2>/dev/null)",
            "  nb_hz=$(getconf CLK_TCK 2>/dev/null || echo 100)",
            "  [ -n \"$nb_boot\" ] && [ -n \"$1\" ] && echo $((nb_boot + $1 / nb_hz)) || echo -",
            "}");

    public ProcessStatus {
        logTail = List.copyOf(logTail);
    }

    public boolean running() {
        return RUNNING.equals(state);
    }

    /** Exited (or was killed) since it was started: the deploy that started it did not take. */
    public boolean exited() {
        return exits > 0 || STOPPED.equals(state);
    }

    /** Nothing of it runs and nothing will restart it (killed, or never started). */
    public boolean stopped() {
        return STOPPED.equals(state) || MISSING.equals(state);
    }

    /** {@code web exited with code 3, 2 times since it was started (being restarted)}, {@code web is stopped (...)}; then the log tail. */
    public String describe() {
        String now = switch (state) {
            case "down" -> " (being restarted)";
            case RUNNING -> " (running again)";
            case STOPPED -> " (nothing of its process group runs)";
            default -> "";
        };
        String text = exits > 0
                ? name + " exited" + (lastExitCode == null ? "" : " with code " + lastExitCode)
                + (exits > 1 ? ", " + exits + " times since it was started" : "") + now
                : MISSING.equals(state) ? name + " was never started"
                : name + " is " + state + now;
        return logTail.isEmpty() ? text : text + "; last lines of logs/" + name + ".log:\n  " + String.join("\n  ", logTail);
    }

    /** A shell pipeline printing the last lines of {@code file} (a quoted shell word) as the log lines of {@code name}. */
    static String logTail(String file, String name) {
        return "tail -n " + LOG_LINES + " " + file + " 2>/dev/null | sed \"s/^/" + LOG_LINE + " " + name + " /\"";
    }

    /**
     * A shell pipeline stage that prints each line it reads as {@code <name> <line>} at once (a
     * shell loop: {@code sed} would hold lines back in its buffer while a log is followed).
     */
    static String prefixWith(String name) {
        return "while IFS= read -r nb_l || [ -n \"$nb_l\" ]; do printf '%s %s\\n' \"" + name + "\" \"$nb_l\"; done";
    }

    /**
     * Reads the output of a process manager's inspect script: one
     * {@code nb-process <name> <state> <exits> <code|-> <epoch seconds|-> [<pid|-> <started, epoch seconds|->]}
     * line per process, then {@code nb-log <name> <line>} lines. Other lines are ignored.
     */
    static List<ProcessStatus> parse(List<String> lines) {
        Map<String, String[]> processes = new LinkedHashMap<>();
        Map<String, List<String>> logs = new LinkedHashMap<>();
        for (String line : lines) {
            String[] words = line.split(" ", 3);
            if (words[0].equals(PROCESS_LINE)) {
                String[] fields = line.split(" +");
                if (fields.length >= 6) {
                    processes.put(fields[1], fields);
                }
            } else if (words[0].equals(LOG_LINE) && words.length >= 2) {
                logs.computeIfAbsent(words[1], name -> new ArrayList<>()).add(words.length == 3 ? words[2] : "");
            }
        }
        List<ProcessStatus> statuses = new ArrayList<>();
        processes.forEach((name, f) -> statuses.add(new ProcessStatus(name, f[2], number(f[3], 0), number(f[4], null),
                instant(f[5]), logs.getOrDefault(name, List.of()), f.length > 6 ? number(f[6], null) : null,
                f.length > 7 ? instant(f[7]) : null)));
        return statuses;
    }

    private static Instant instant(String epochSeconds) {
        return epochSeconds.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(epochSeconds)) : null;
    }

    private static Integer number(String text, Integer fallback) {
        return text.matches("\\d{1,9}") ? Integer.valueOf(text) : fallback;
    }
}
