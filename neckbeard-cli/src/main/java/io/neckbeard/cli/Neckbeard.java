package io.neckbeard.cli;

import io.neckbeard.cli.command.CheckCommand;
import io.neckbeard.cli.command.CompleteCommand;
import io.neckbeard.cli.command.CompletionCommand;
import io.neckbeard.cli.command.CoordinatorCommand;
import io.neckbeard.cli.command.DoctorCommand;
import io.neckbeard.cli.command.HelpCommand;
import io.neckbeard.cli.command.HistoryCommand;
import io.neckbeard.cli.command.InitCommand;
import io.neckbeard.cli.command.LockCommand;
import io.neckbeard.cli.command.LogsCommand;
import io.neckbeard.cli.command.NodeCommand;
import io.neckbeard.cli.command.PackageCommand;
import io.neckbeard.cli.command.PlanCommand;
import io.neckbeard.cli.command.PromoteCommand;
import io.neckbeard.cli.command.PsCommand;
import io.neckbeard.cli.command.RestartCommand;
import io.neckbeard.cli.command.RollbackCommand;
import io.neckbeard.cli.command.RunCommand;
import io.neckbeard.cli.command.SshCommand;
import io.neckbeard.cli.command.ScaleCommand;
import io.neckbeard.cli.command.ShowCommand;
import io.neckbeard.cli.command.StatusCommand;
import io.neckbeard.cli.command.TerminateCommand;
import io.neckbeard.cli.command.UpCommand;
import io.neckbeard.cli.command.VarsCommand;
import io.neckbeard.transport.ssh.Passphrases;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The {@code neckbeard} command. {@link #run} is what tests drive; {@link #main} only exits with it. */
@Command(name = "neckbeard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "One-command generational deploys onto servers you own.",
        subcommands = {
                InitCommand.class, CheckCommand.class, ShowCommand.class, PlanCommand.class, UpCommand.class,
                StatusCommand.class, DoctorCommand.class, PsCommand.class, LogsCommand.class, RestartCommand.class, PromoteCommand.class, RollbackCommand.class, TerminateCommand.class,
                ScaleCommand.class, VarsCommand.class, LockCommand.class, HistoryCommand.class,
                NodeCommand.class, RunCommand.class, SshCommand.class, PackageCommand.class, CompletionCommand.class,
                CoordinatorCommand.class, CompleteCommand.class, HelpCommand.class})
public final class Neckbeard implements Runnable {

    /** Wide enough that no option's description breaks inside a path such as ~/.neckbeard/plugins/. */
    private static final int USAGE_WIDTH = 100;

    @Mixin
    GlobalOptions options = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private CliContext context;

    public static void main(String[] args) {
        System.exit(run(StandardInput.ofProcess(), System.out, System.err, args));
    }

    /** Runs one command line with no standard input (as with {@code </dev/null}); returns its exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(StandardInput.none(), out, err, args);
    }

    /** Runs one command line; returns its exit code. */
    public static int run(StandardInput in, PrintStream out, PrintStream err, String... args) {
        Neckbeard root = new Neckbeard();
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        Interruption interruption = Interruption.register(errWriter);
        CommandLine commandLine = new CommandLine(root)
                .setUsageHelpWidth(USAGE_WIDTH)
                .setOut(outWriter)
                .setErr(errWriter)
                .setExecutionStrategy(parseResult -> {
                    root.context = new CliContext(root.options, in, outWriter, errWriter);
                    interruption.context(root.context);
                    Passphrases.askWith(new TerminalPassphrasePrompt(root.context, Terminal::stdin));
                    Logging.configure(root.options);
                    return new CommandLine.RunLast().execute(parseResult);
                })
                .setExecutionExceptionHandler(new ErrorHandler(() -> root.context))
                .setParameterExceptionHandler(new UsageErrorHandler(() -> root.options));
        if (asksForNoColor(args)) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        int code = commandLine.execute(args);
        if (root.context != null) {
            root.context.finish();
        }
        interruption.unregister();
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /**
     * Help is printed while parsing, before {@code --no-color} is an option value: picocli itself
     * only knows NO_COLOR, so the flag is looked for among the words before {@code --}.
     */
    private static boolean asksForNoColor(String[] args) {
        return Arrays.asList(args).stream().takeWhile(arg -> !arg.equals("--")).anyMatch("--no-color"::equals);
    }

    public CliContext context() {
        return context;
    }

    /** A bare {@code neckbeard}: the help, exit 0. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
