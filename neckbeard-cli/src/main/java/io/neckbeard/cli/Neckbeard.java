package io.neckbeard.cli;

import io.neckbeard.cli.command.CheckCommand;
import io.neckbeard.cli.command.CompletionCommand;
import io.neckbeard.cli.command.CoordinatorCommand;
import io.neckbeard.cli.command.HistoryCommand;
import io.neckbeard.cli.command.InitCommand;
import io.neckbeard.cli.command.LockCommand;
import io.neckbeard.cli.command.NodeCommand;
import io.neckbeard.cli.command.PackageCommand;
import io.neckbeard.cli.command.PlanCommand;
import io.neckbeard.cli.command.PromoteCommand;
import io.neckbeard.cli.command.RollbackCommand;
import io.neckbeard.cli.command.RunCommand;
import io.neckbeard.cli.command.SshCommand;
import io.neckbeard.cli.command.ScaleCommand;
import io.neckbeard.cli.command.ShowCommand;
import io.neckbeard.cli.command.StatusCommand;
import io.neckbeard.cli.command.TerminateCommand;
import io.neckbeard.cli.command.UpCommand;
import io.neckbeard.cli.command.VarsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code neckbeard} command. {@link #run} is what tests drive; {@link #main} only exits with it. */
@Command(name = "neckbeard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "One-command generational deploys onto servers you own.",
        subcommands = {
                InitCommand.class, CheckCommand.class, ShowCommand.class, PlanCommand.class, UpCommand.class,
                StatusCommand.class, PromoteCommand.class, RollbackCommand.class, TerminateCommand.class,
                ScaleCommand.class, VarsCommand.class, LockCommand.class, HistoryCommand.class,
                NodeCommand.class, RunCommand.class, SshCommand.class, PackageCommand.class, CompletionCommand.class,
                CoordinatorCommand.class,
                CommandLine.HelpCommand.class})
public final class Neckbeard implements Runnable {

    @Mixin
    GlobalOptions options = new GlobalOptions();

    private CliContext context;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command line; returns its exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Neckbeard root = new Neckbeard();
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine commandLine = new CommandLine(root)
                .setOut(outWriter)
                .setErr(errWriter)
                .setExecutionStrategy(parseResult -> {
                    root.context = new CliContext(root.options, outWriter, errWriter);
                    Logging.configure(root.options);
                    return new CommandLine.RunLast().execute(parseResult);
                })
                .setExecutionExceptionHandler(new ErrorHandler(() -> root.context))
                .setParameterExceptionHandler(new UsageErrorHandler(() -> root.options));
        int code = commandLine.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
    }
}
