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
 */
public record ProcessStatus(String name, String state, int exits, Integer lastExitCode, Instant lastExitAt,
                            List<String> logTail) {
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String MISSING = "missing";
    static final String PROCESS_LINE = "nb-process";
    static final String LOG_LINE = "nb-log";
    static final int LOG_LINES = 20;

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
     * Reads the output of a process manager's inspect script: one
     * {@code nb-process <name> <state> <exits> <code|-> <epoch seconds|->} line per process, then
     * {@code nb-log <name> <line>} lines. Other lines are ignored.
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
                f[5].matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(f[5])) : null, logs.getOrDefault(name, List.of()))));
        return statuses;
    }

    private static Integer number(String text, Integer fallback) {
        return text.matches("\\d{1,9}") ? Integer.valueOf(text) : fallback;
    }
}
