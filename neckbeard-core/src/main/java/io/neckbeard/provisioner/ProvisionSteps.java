package io.neckbeard.provisioner;

import io.neckbeard.core.NeckbeardException;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.NodeFile;
import io.neckbeard.transport.StepScript;
import io.neckbeard.transport.Transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What provisioning a node takes: the files to put on it, then the commands to run there, in
 * order. The engine ships them with the Stack's deploy: the files of both in one copy, the
 * commands of both in one command on the node (see {@code Stack.deploy}).
 *
 * @param files    put on the node before any command runs (write the node's tree with mode 0600)
 * @param commands run in order; the first that fails stops provisioning
 */
public record ProvisionSteps(List<NodeFile> files, List<Command> commands) {
    public static final ProvisionSteps NONE = new ProvisionSteps(List.of(), List.of());

    public ProvisionSteps {
        files = List.copyOf(files);
        commands = List.copyOf(commands);
    }

    /** Turns a failed command's result into the exception that reports it. */
    @FunctionalInterface
    public interface Failure {
        NeckbeardException of(CommandResult result, Transport transport);
    }

    /**
     * One command of provisioning.
     *
     * @param announce the progress line logged as it starts, e.g. {@code running neckbeard/provision.sh}
     * @param failure  the exception of its failure, with the tail of its output (a {@link ProvisionerException} for provisioning)
     */
    public record Command(String name, String announce, String script, Map<String, String> environment, Duration timeout,
                          Failure failure) {
        public Command {
            environment = Map.copyOf(environment);
        }

        public StepScript.Step step() {
            return new StepScript.Step(name, script, environment);
        }
    }

    /** These steps followed by more files and commands (the Stack's deploy): still one copy and one command. */
    public ProvisionSteps andThen(List<NodeFile> moreFiles, Command command) {
        List<NodeFile> allFiles = new ArrayList<>(files);
        allFiles.addAll(moreFiles);
        List<Command> allCommands = new ArrayList<>(commands);
        allCommands.add(command);
        return new ProvisionSteps(allFiles, allCommands);
    }

    /** The longest all the commands may take together. */
    public Duration timeout() {
        return commands.stream().map(Command::timeout).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Puts the files, then runs the commands as one command on the node, streaming their output to
     * {@code log}: one round trip over SSH ({@link Transport#putAndRun}).
     *
     * @throws NeckbeardException the failing command's, naming it and carrying the tail of its own output;
     *                            the transport's when a file cannot be put (no command runs then)
     */
    public void runOn(Transport transport, Consumer<String> log) {
        if (commands.isEmpty()) {
            transport.put(files);
            return;
        }
        StepScript.Outcome outcome = StepScript.run(transport, files, commands.stream().map(Command::step).toList(), timeout(), log,
                step -> log.accept(commands.get(step).announce()));
        if (!outcome.succeeded()) {
            throw commands.get(outcome.failed()).failure().of(outcome.result(), transport);
        }
    }
}
