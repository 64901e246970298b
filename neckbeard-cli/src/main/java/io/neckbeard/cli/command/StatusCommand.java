package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.StatusBoard;
import io.neckbeard.cli.StatusText;
import io.neckbeard.cli.Terminal;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.LiveHealth;
import io.neckbeard.engine.StatusReport;
import io.neckbeard.engine.StatusService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * {@code status ENV [--cached] [--all] [--watch]}: what the coordinator remembers of each generation and
 * node, and who holds the lock, with each running node's health checked now (or as last recorded
 * with {@code --cached}). On a terminal a board of coloured blocks, elsewhere plain text.
 */
@Command(name = "status", aliases = "view", description = "Generations, nodes, health, operational state, lock holder. "
        + "On a terminal, a line per availability zone with a block per node; --watch redraws it every 2 s until Ctrl-C.")
public final class StatusCommand extends NeckbeardCommand {
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--all", description = "Also show the terminated generations.")
    boolean all;

    @Option(names = "--cached", description = "Show the health recorded by the last deploy instead of checking the nodes now.")
    boolean cached;

    @Option(names = "--watch", description = "Show it again every 2 s (redrawn in place on a terminal) until Ctrl-C.")
    boolean watch;

    @Override
    protected int execute(CliContext cli) {
        if (watch && cli.json()) {
            throw new NeckbeardException(ExitCode.USAGE, "--watch cannot be combined with -o json (one JSON document)",
                    "poll 'neckbeard status " + environment + " -o json' from the script instead");
        }
        boolean board = !cli.json() && Terminal.stdout();
        do {
            StatusReport full = report(cli);
            StatusReport shown = all ? full : full.withoutTerminated();
            if (cli.json()) {
                cli.printJson(shown);
                return 0;
            }
            draw(cli.out(), shown, full.generations().size() - shown.generations().size(), board, !cli.options().noColor());
        } while (watch && pause());
        return 0;
    }

    private StatusReport report(CliContext cli) {
        if (cached) {
            return CoordinatorCommands.with(cli, environment,
                    (project, coordinator) -> new StatusService(project, coordinator).status(environment));
        }
        // every running node's health checked now, in parallel, each bounded by a short timeout
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            return new StatusService(context.project(), context.coordinator()).status(environment, new LiveHealth(context));
        }
    }

    private void draw(PrintWriter out, StatusReport report, int hidden, boolean board, boolean colour) {
        if (!board) {
            StatusText.print(out, report, hidden);
            if (watch) {
                out.println();
            }
            out.flush();
            return;
        }
        StringBuilder frame = new StringBuilder(watch ? CLEAR_SCREEN : "");
        new StatusBoard(colour).render(report, hidden).forEach(line -> frame.append(line).append(System.lineSeparator()));
        if (watch) {
            frame.append("every ").append(WATCH_INTERVAL.toSeconds()).append(" s, last at ")
                    .append(LocalTime.now().truncatedTo(ChronoUnit.SECONDS)).append("; Ctrl-C stops").append(System.lineSeparator());
        }
        out.print(frame);
        out.flush();
    }

    /** Waits for the next redraw; an interruption (Ctrl-C in-process) ends the watch with exit 130. */
    private static boolean pause() {
        try {
            Thread.sleep(WATCH_INTERVAL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted", null);
        }
    }
}
