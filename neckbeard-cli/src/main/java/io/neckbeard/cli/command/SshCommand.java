package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.NodeLoginService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ssh ENV NODE [-- CMD]}: the system {@code ssh} to one node, with the node's SSH settings and host key checking. */
@Command(name = "ssh", description = "Open an interactive SSH session to one node (the system ssh client, with the node's "
        + "ssh: settings and strict host key checking); the exit code is ssh's.")
public final class SshCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1", paramLabel = "NODE", description = "The node, e.g. web-1.")
    String node;

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "CMD", description = "Run this instead of a login shell (put it after --).")
    List<String> remoteCommand = List.of();

    @Option(names = "--print", description = "Print the ssh command instead of running it.")
    boolean print;

    @Override
    protected int execute(CliContext cli) {
        List<String> command;
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            command = new NodeLoginService(context).sshCommand(node, remoteCommand);
        }
        if (cli.json()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("environment", environment);
            report.put("node", node);
            report.put("command", command);
            cli.printJson(report);
            return 0;
        }
        if (print) {
            cli.out().println(String.join(" ", command.stream().map(SshCommand::shellWord).toList()));
            return 0;
        }
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new NeckbeardException(ExitCode.USAGE, "cannot start ssh: " + e.getMessage(),
                    "install the OpenSSH client (apt-get install openssh-client), or print the command with --print");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while ssh to " + node + " ran", null, e);
        }
    }

    /** A word as typed into a shell: quoted only when it needs to be. */
    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
