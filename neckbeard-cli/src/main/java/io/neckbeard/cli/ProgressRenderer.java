package io.neckbeard.cli;

import io.neckbeard.engine.NodeOutcome;
import io.neckbeard.engine.Progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders the engine's progress on stderr: on a terminal, one live line per node redrawn in
 * place, and under them a {@link ProgressLine} (nodes done, wave, elapsed, ETA) once the work is
 * planned; otherwise (CI, pipes, files) plain timestamped lines. Nothing with {@code --quiet}.
 * While a question is asked on the terminal ({@link #pause}), nothing is written: what comes
 * meanwhile is shown when it is answered.
 */
public final class ProgressRenderer implements Progress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int MAX_LINE = 110;

    private final PrintWriter err;
    private final boolean live;
    private final boolean quiet;
    private final boolean verbose;
    private final Consumer<NodeOutcome> done;
    private final Clock clock;
    private final Map<String, String> lines = new LinkedHashMap<>();
    /** Lines written while paused, in order, to print when resumed. */
    private final List<String> held = new ArrayList<>();
    private ProgressLine bar;
    private int drawn;
    private boolean paused;

    /** {@code done} hears of every finished node (what Ctrl-C reports as done so far). */
    ProgressRenderer(PrintWriter err, boolean live, boolean quiet, boolean verbose, Consumer<NodeOutcome> done) {
        this(err, live, quiet, verbose, done, Clock.systemUTC());
    }

    ProgressRenderer(PrintWriter err, boolean live, boolean quiet, boolean verbose, Consumer<NodeOutcome> done, Clock clock) {
        this.err = err;
        this.live = live;
        this.quiet = quiet;
        this.verbose = verbose;
        this.done = done;
        this.clock = clock;
    }

    /** Live lines when stderr is a terminal and colours are allowed; the command's progress, which a question pauses. */
    public static ProgressRenderer of(CliContext cli) {
        GlobalOptions options = cli.options();
        boolean terminal = Terminal.stderr() && !options.noColor();
        ProgressRenderer renderer = new ProgressRenderer(cli.err(), terminal, options.quiet(), options.verbose(), cli::nodeFinished);
        cli.showing(renderer);
        return renderer;
    }

    /** Steps aside for a question on the terminal: the live lines are cleared and nothing is written until {@link #resume}. */
    synchronized void pause() {
        clear();
        err.flush();
        paused = true;
    }

    /** After the question: what came meanwhile, then the live lines again. */
    synchronized void resume() {
        paused = false;
        held.forEach(err::println);
        held.clear();
        if (live) {
            redraw();
        }
        err.flush();
    }

    @Override
    public synchronized void step(String node, String step) {
        show(node, step + " ...");
    }

    @Override
    public synchronized void output(String node, String line) {
        if (live) {
            show(node, lines.getOrDefault(node, "") .replaceAll(" \\| .*", "") + " | " + line.strip());
        } else if (verbose && !quiet) {
            plain(node + " | " + line);
        }
    }

    /** Live: a progress line under the node lines from now on. Files and pipes get no bar. */
    @Override
    public synchronized void planned(List<Integer> waveSizes) {
        if (live) {
            bar = new ProgressLine(clock, waveSizes);
        }
    }

    @Override
    public synchronized void finished(NodeOutcome outcome) {
        done.accept(outcome);
        if (bar != null) {
            bar.finished();
        }
        String detail = outcome.detail() == null ? "" : " (" + firstLine(outcome.detail()) + ")";
        show(outcome.name(), outcome.result() + ": " + outcome.action() + detail);
    }

    @Override
    public synchronized void message(String text) {
        if (quiet) {
            return;
        }
        if (live) {
            if (paused) {
                held.add(text);
                return;
            }
            clear();
            err.println(text);
            redraw();
        } else {
            plain(text);
        }
    }

    private void show(String node, String status) {
        if (quiet) {
            return;
        }
        if (live) {
            lines.put(node, status);
            if (!paused) {
                clear();
                redraw();
            }
        } else {
            plain(node + " " + status);
        }
    }

    private void plain(String line) {
        String stamped = LocalTime.now().format(TIME) + " " + line;
        if (paused) {
            held.add(stamped);
            return;
        }
        err.println(stamped);
        err.flush();
    }

    /** Moves the cursor back over the node lines drawn last time and clears them. */
    private void clear() {
        if (drawn > 0) {
            err.print("\033[" + drawn + "A\033[J");
        }
        drawn = 0;
    }

    private void redraw() {
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        lines.forEach((node, status) -> {
            String line = String.format("  %-" + width + "s  %s", node, status);
            err.println(line.length() > MAX_LINE ? line.substring(0, MAX_LINE - 1) + "…" : line);
        });
        drawn = lines.size();
        if (bar != null) {
            err.println("  " + bar.render());
            drawn++;
        }
        err.flush();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}
