package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.Transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * {@code logs ENV [--generation N] [--node N | --type T] [--process NAME] [-n LINES] [-f]}: the
 * output of the Procfile processes of the active generation (or generation N), read where the Stack's process manager keeps it. One
 * command per node, all nodes at once; a followed log streams from that one command (no polling),
 * so following N nodes takes N threads, whatever the number of lines. Takes no lock and changes
 * nothing, so it is not audited.
 */
public final class LogService {
    /** Followed logs have one thread each: a follow must not wait for another node's to end. */
    private static final int MAX_PARALLEL = 256;

    /** Receives one line of a process's output. */
    @FunctionalInterface
    public interface LogLine {
        void accept(String node, String process, String line);
    }

    /** Why the logs of one node could not be read. */
    public record NodeProblem(String node, String problem) {
    }

    private final DeployContext context;

    public LogService(DeployContext context) {
        this.context = context;
    }

    /**
     * Passes the last {@code lines} lines of each selected process to {@code output}, node by node
     * in node order. With {@code follow}, lines go to {@code output} as they arrive, from every
     * node at once (so {@code output} must be thread-safe), and the lines written after follow
     * until the calling thread is interrupted: that interruption is the normal end of a follow,
     * which then returns with the flag cleared.
     *
     * @param generation the generation whose nodes to read, or null for the active one
     * @param node      only this node, or null
     * @param type      only nodes of this type, or null
     * @param processes only these processes; every process the Stack started when empty
     * @param skipped   receives (node, why) for each selected node that has no logs here (a managed resource)
     * @return the nodes whose logs could not be read
     */
    public List<NodeProblem> show(Long generation, String node, String type, List<String> processes, int lines, boolean follow,
                                  LogLine output, BiConsumer<String, String> skipped) {
        EnvironmentState state = context.coordinator().read(context.name());
        Generation active = ActiveNodes.activeOr(context, state, generation, "to read the logs of");
        List<NodeRecord> nodes = ActiveNodes.hosts(context, ActiveNodes.select(context, active, node, type), skipped);
        List<NodeProblem> problems;
        if (follow) {
            problems = ActiveNodes.onEach(nodes, MAX_PARALLEL, "neckbeard-logs",
                    record -> read(record, state, active.id(), processes, lines, true, output));
            if (problems == null) {
                Thread.interrupted(); // the follow was stopped, as it is meant to be
                return List.of();
            }
        } else {
            List<Buffered> read = ActiveNodes.onEach(nodes, MAX_PARALLEL, "neckbeard-logs", record -> {
                Buffered buffered = new Buffered(new ArrayList<>());
                NodeProblem problem = read(record, state, active.id(), processes, lines, false, buffered);
                return buffered.withProblem(problem);
            });
            if (read == null) {
                throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while reading the logs of " + context.name(), null);
            }
            read.forEach(buffered -> buffered.lines().forEach(l -> output.accept(l[0], l[1], l[2])));
            problems = read.stream().map(Buffered::problem).toList();
        }
        return problems.stream().filter(Objects::nonNull).toList();
    }

    /** The lines of one node, kept until every node is read so that each node's lines stay together. */
    private record Buffered(List<String[]> lines, NodeProblem problem) implements LogLine {
        Buffered(List<String[]> lines) {
            this(lines, null);
        }

        @Override
        public void accept(String node, String process, String line) {
            lines.add(new String[] {node, process, line});
        }

        Buffered withProblem(NodeProblem found) {
            return new Buffered(lines, found);
        }
    }

    /** Reads one node's logs into {@code output}; returns why it could not, or null. */
    private NodeProblem read(NodeRecord record, EnvironmentState state, long generation, List<String> processes, int lines,
                             boolean follow, LogLine output) {
        try {
            ActiveNodes.Reached reached = ActiveNodes.reach(context, record, state, generation);
            if (reached.problem() != null) {
                return new NodeProblem(record.name(), reached.problem());
            }
            try (Transport transport = reached.transport(context, generation)) {
                context.stack().logs(transport, reached.target(), processes, lines, follow,
                        (process, line) -> output.accept(record.name(), process, line));
                return null;
            }
        } catch (RuntimeException e) {
            return new NodeProblem(record.name(), Failures.describe(e));
        }
    }
}
