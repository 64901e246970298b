package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.Durations;
import io.neckbeard.core.ExitCode;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.RunOutcome;
import io.neckbeard.engine.RunService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code run ENV [--node N | --type T] -- CMD}: a command on the active generation's nodes, output prefixed by node. */
@Command(name = "run", description = "Run a command on nodes of the active generation (in the current release, with "
        + "the app's environment), output prefixed by node. Exit 1 when it fails on any node. Piped or redirected "
        + "standard input goes to the command when one node is selected (refused with several).")
public final class RunCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "The command (put it after --).")
    List<String> command;

    @ArgGroup(exclusive = true)
    Only only = new Only();

    static final class Only {
        @Option(names = "--node", paramLabel = "NODE", description = "Only this node (e.g. web-1).")
        String node;

        @Option(names = "--type", paramLabel = "TYPE", description = "Only nodes of this type.")
        String type;
    }

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "Give up on a node after this long (e.g. 30s, 10m). Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Override
    protected int execute(CliContext cli) {
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            List<RunOutcome> outcomes = new RunService(context, Clock.systemUTC()).run(only.node, only.type,
                    String.join(" ", command), cli.in().stream(), Durations.parse(timeout, "--timeout"), (node, line) -> {
                        if (!cli.json()) {
                            synchronized (cli) {
                                cli.out().println(node + " | " + line);
                            }
                        }
                    }, maskedArguments());
            boolean ok = outcomes.stream().allMatch(RunOutcome::succeeded);
            if (cli.json()) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("environment", environment);
                report.put("result", ok ? "ok" : "failed");
                report.put("nodes", outcomes);
                cli.printJson(report);
            }
            outcomes.stream().filter(o -> !o.succeeded()).forEach(o -> cli.err().println("error: " + o.node() + ": "
                    + (o.exitCode() < 0 ? o.output() : "exit " + o.exitCode())));
            return ok ? 0 : ExitCode.FAILED.code();
        }
    }
}
