package io.neckbeard.cli;

import io.neckbeard.core.ExitCode;
import io.neckbeard.engine.NodeOutcome;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Ctrl-C (SIGINT, SIGTERM) prints while a command runs: a JVM shutdown hook, registered for
 * the duration of {@link Neckbeard#run}. The JVM then exits 130; this hook only says so: the line
 * {@code interrupted; re-run to resume} on stderr and, with {@code -o json}, the command's one
 * JSON document with code {@code interrupted} and the nodes finished so far.
 */
final class Interruption {
    static final String MESSAGE = "interrupted; re-run to resume";

    private final Thread hook = new Thread(this::report, "neckbeard-interrupted");
    private final PrintWriter err;
    private volatile CliContext context;

    private Interruption(PrintWriter err) {
        this.err = err;
    }

    static Interruption register(PrintWriter err) {
        Interruption interruption = new Interruption(err);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** The parsed command line's context: from now on the report knows about {@code -o json}. */
    void context(CliContext context) {
        this.context = context;
    }

    /** The command ended by itself: nothing to report. */
    void unregister() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it reports the interruption
        }
    }

    private void report() {
        CliContext cli = context;
        err.println(MESSAGE);
        err.flush();
        if (cli != null && cli.json()) {
            cli.printJson(Map.of("error", describe(cli.finishedNodes())));
            cli.out().flush();
        }
    }

    private static Map<String, Object> describe(List<NodeOutcome> done) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", ExitCode.INTERRUPTED.codeName());
        error.put("message", "interrupted");
        error.put("remedy", "re-run the same command to resume");
        error.put("exit_code", ExitCode.INTERRUPTED.code());
        error.put("done", done);
        return error;
    }
}
