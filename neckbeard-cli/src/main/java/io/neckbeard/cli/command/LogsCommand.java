package io.neckbeard.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.LogService;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * {@code logs ENV [--generation N] [--node N | --type T] [--process NAME] [-n LINES] [-f]}: the app's
 * output from the active generation's nodes (or generation N's), each line prefixed with its node and process.
 */
@Command(name = "logs", description = "Show the output of the app's processes on the active generation's nodes (or "
        + "--generation N's), each line "
        + "prefixed with its node and process; -f follows it until Ctrl-C. Exit 1 when a node's logs cannot be read.")
public final class LogsCommand extends NeckbeardCommand {
    /** How long Ctrl-C waits for the followed commands to end before the JVM exits anyway. */
    private static final long STOP_SECONDS = 5;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Mixin
    NodeFilter only = new NodeFilter();

    @Option(names = "--generation", paramLabel = "N", description = "The nodes of generation N (e.g. a pending one) "
            + "instead of the active generation's.")
    Long generation;

    @Option(names = "--process", paramLabel = "NAME", description = "Only this Procfile process (repeatable; default: all).")
    List<String> processes = new ArrayList<>();

    @Option(names = {"-n", "--lines"}, paramLabel = "LINES", defaultValue = "50",
            description = "How many of the last lines of each process to show. Default: ${DEFAULT-VALUE}.")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as they are written, until Ctrl-C.")
    boolean follow;

    @Override
    protected int execute(CliContext cli) {
        if (lines < 0) {
            throw new NeckbeardException(ExitCode.USAGE, "-n " + lines + " is not a number of lines", "give 0 or more");
        }
        requireProcessNames(processes);
        List<Map<String, String>> collected = new ArrayList<>();
        List<LogService.NodeProblem> problems;
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            LogService service = new LogService(context);
            LogService.LogLine output = (node, process, line) -> print(cli, collected, node, process, line);
            BiConsumer<String, String> skipped = (node, why) -> cli.err().println(node + ": skipped: " + why);
            problems = follow ? followUntilStopped(() -> service.show(generation, only.node(), only.type(), processes, lines, true, output, skipped))
                    : service.show(generation, only.node(), only.type(), processes, lines, false, output, skipped);
        }
        if (cli.json() && !follow) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("environment", environment);
            report.put("lines", collected);
            report.put("errors", problems);
            cli.printJson(report);
        }
        problems.forEach(p -> cli.err().println("error: " + p.node() + ": " + p.problem()));
        return problems.isEmpty() ? 0 : ExitCode.FAILED.code();
    }

    /** Refuses a {@code --process} value that cannot be a Procfile process name. */
    static void requireProcessNames(List<String> processes) {
        for (String process : processes) {
            if (!process.matches("[A-Za-z0-9_-]+")) {
                throw new NeckbeardException(ExitCode.USAGE, "--process " + process + " is not a Procfile process name",
                        "give a name from the Procfile (letters, digits, '_' and '-'), e.g. --process web");
            }
        }
    }

    /** A text line {@code web-1 web | ...}; a JSON line per log line when following, else one document at the end. */
    private void print(CliContext cli, List<Map<String, String>> collected, String node, String process, String line) {
        synchronized (cli) {
            if (!cli.json()) {
                cli.out().println(node + " " + process + " | " + line);
                return;
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("node", node);
            entry.put("process", process);
            entry.put("line", line);
            if (!follow) {
                collected.add(entry);
                return;
            }
            try {
                cli.out().println(Json.mapper().writeValueAsString(entry));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render a log line as JSON", e);
            }
        }
    }

    /**
     * Ctrl-C ends the JVM (exit 130) without interrupting this thread: a shutdown hook does, so
     * each node's command is ended (the local transport kills it; over SSH its channel closes)
     * before the JVM exits.
     */
    private static List<LogService.NodeProblem> followUntilStopped(java.util.function.Supplier<List<LogService.NodeProblem>> follow) {
        Thread command = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            command.interrupt();
            try {
                stopped.await(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "neckbeard-logs-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return follow.get();
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running
            }
        }
    }
}
