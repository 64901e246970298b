package io.neckbeard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neckbeard.core.Json;
import io.neckbeard.engine.NodeOutcome;
import io.neckbeard.plugin.Plugins;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a command works with: the global options, stdout for results, stderr for progress and
 * messages, and the plugins. The only place that writes user-facing output.
 */
public final class CliContext {
    private final GlobalOptions options;
    private final StandardInput in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<NodeOutcome> finishedNodes = new ArrayList<>();
    private boolean jsonPrinted;
    private Plugins plugins;
    private ProgressRenderer progress;

    CliContext(GlobalOptions options, StandardInput in, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public GlobalOptions options() {
        return options;
    }

    public Path project() {
        return options.project();
    }

    public boolean json() {
        return options.json();
    }

    /** Standard input, when it carries input (a pipe or a file) rather than a terminal or nothing. */
    public StandardInput in() {
        return in;
    }

    /** Standard output: the result (text, or exactly one JSON document). */
    public PrintWriter out() {
        return out;
    }

    /** Standard error: progress and messages. */
    public PrintWriter err() {
        return err;
    }

    /** A message on stderr, unless --quiet. */
    public void info(String message) {
        if (!options.quiet()) {
            err.println(message);
        }
    }

    /**
     * Prints {@code result} as the command's one JSON document. Only the first call prints: after
     * Ctrl-C the interruption report is that document, and the command's own result or error,
     * should it still come, is not printed as a second one.
     */
    public synchronized void printJson(Object result) {
        if (jsonPrinted) {
            return;
        }
        jsonPrinted = true;
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(withApiCalls(result)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON output", e);
        }
    }

    /**
     * The document with the run's AWS API calls added under {@code aws_calls} (see {@link #apiCalls}),
     * when there were any; as it is otherwise, so a command that never called AWS shows nothing.
     */
    private Object withApiCalls(Object result) {
        Map<String, Long> calls = apiCalls();
        if (calls.isEmpty()) {
            return result;
        }
        JsonNode document = Json.mapper().valueToTree(result);
        if (document instanceof ObjectNode object) {
            object.set("aws_calls", Json.mapper().valueToTree(calls));
        }
        return document;
    }

    /** The API calls the run's plugins made so far, by {@code SERVICE.Operation}; empty when none. */
    public Map<String, Long> apiCalls() {
        return plugins == null ? Map.of() : plugins.run().calls().totals();
    }

    /**
     * The end of the run: with {@code -v}, the API call totals on stderr (when there were any);
     * then the objects the run's plugins shared (the AWS clients) are closed.
     */
    void finish() {
        Map<String, Long> calls = apiCalls();
        if (options.verbose() && !calls.isEmpty()) {
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            err.println("aws calls: " + total + " (" + calls.entrySet().stream()
                    .map(call -> call.getKey() + " " + call.getValue()).collect(Collectors.joining(", ")) + ")");
        }
        if (plugins != null) {
            plugins.run().close();
        }
    }

    /** Called for every node a command finished with, for the interruption report. */
    synchronized void nodeFinished(NodeOutcome outcome) {
        finishedNodes.add(outcome);
    }

    /** The nodes finished so far, in order. */
    synchronized List<NodeOutcome> finishedNodes() {
        return List.copyOf(finishedNodes);
    }

    /** Built-in SPI implementations plus JARs in ~/.neckbeard/plugins/ and --plugin-path. */
    public Plugins plugins() {
        if (plugins == null) {
            List<Path> dirs = new ArrayList<>();
            dirs.add(Path.of(System.getProperty("user.home"), ".neckbeard", "plugins"));
            dirs.addAll(options.pluginPath());
            plugins = Plugins.withPluginDirs(dirs);
        }
        return plugins;
    }

    /**
     * Asks a question on the terminal and returns the answer, or {@code fallback} when the answer
     * is empty, when {@code --yes} is given, or when standard input is not a terminal.
     */
    public String ask(String question, String fallback) {
        if (options.yes() || System.console() == null) {
            return fallback;
        }
        err.print(question + " [" + fallback + "] ");
        err.flush();
        String answer = System.console().readLine();
        return answer == null || answer.isBlank() ? fallback : answer.trim();
    }

    /** The command's progress on stderr: a question asked on the terminal pauses it (see {@link #besideProgress}). */
    synchronized void showing(ProgressRenderer renderer) {
        progress = renderer;
    }

    /** {@code question}'s answer, asked while the command's progress (when it shows any) is paused, so neither garbles the other. */
    <T> T besideProgress(Supplier<T> question) {
        ProgressRenderer paused;
        synchronized (this) {
            paused = progress;
        }
        if (paused == null) {
            return question.get();
        }
        paused.pause();
        try {
            return question.get();
        } finally {
            paused.resume();
        }
    }

    /** Asks for confirmation on the terminal (see {@link Prompt}). */
    public void confirm(String question, String action) {
        BufferedReader terminal = System.console() == null ? null
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        new Prompt(options.yes(), terminal, err).confirm(question, action);
    }
}
