package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.Transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code ps ENV [--node N | --type T]}: each Procfile process of the active generation's nodes,
 * from its process manager, one command per node, all nodes at once. Takes no lock and changes
 * nothing, so it is not audited.
 */
public final class ProcessListService {
    private static final int MAX_PARALLEL = 16;

    private final DeployContext context;

    public ProcessListService(DeployContext context) {
        this.context = context;
    }

    /** @param node only this node, or null; @param type only nodes of this type, or null */
    public List<NodeProcesses> list(String node, String type) {
        EnvironmentState state = context.coordinator().read(context.name());
        Generation active = ActiveNodes.active(context, state, "to list the processes of");
        List<NodeRecord> selected = ActiveNodes.select(context, active, node, type);
        Map<String, String> skipped = new HashMap<>();
        List<NodeRecord> hosts = ActiveNodes.hosts(context, selected, skipped::put);
        List<NodeProcesses> found = ActiveNodes.onEach(hosts, MAX_PARALLEL, "neckbeard-ps", record -> look(record, state, active.id()));
        if (found == null) {
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while listing the processes of " + context.name(), null);
        }
        // in the selection's order: the hosts' answers (in that order too) and the skipped nodes between them
        Iterator<NodeProcesses> answers = found.iterator();
        List<NodeProcesses> all = new ArrayList<>();
        for (NodeRecord record : selected) {
            all.add(skipped.containsKey(record.name())
                    ? new NodeProcesses(record.name(), record.type(), List.of(), null, skipped.get(record.name()))
                    : answers.next());
        }
        return all;
    }

    private NodeProcesses look(NodeRecord record, EnvironmentState state, long generation) {
        try {
            ActiveNodes.Reached reached = ActiveNodes.reach(context, record, state, generation);
            if (reached.problem() != null) {
                return new NodeProcesses(record.name(), record.type(), List.of(), reached.problem(), null);
            }
            try (Transport transport = reached.transport(context, generation)) {
                return new NodeProcesses(record.name(), record.type(),
                        context.stack().inspect(transport, reached.target(), List.of()), null, null);
            }
        } catch (RuntimeException e) {
            return new NodeProcesses(record.name(), record.type(), List.of(), Failures.describe(e), null);
        }
    }
}
