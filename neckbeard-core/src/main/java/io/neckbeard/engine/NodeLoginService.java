package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.ssh.SshTransport;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ssh ENV NODE}: the OpenSSH command line that logs in to a node of the active generation
 * (else the pending one) with the node's {@code ssh:} settings and strict host key checking.
 */
public final class NodeLoginService {
    private final DeployContext context;

    public NodeLoginService(DeployContext context) {
        this.context = context;
    }

    /** @param remoteCommand run instead of a login shell when not empty */
    public List<String> sshCommand(String node, List<String> remoteCommand) {
        EnvironmentState state = context.coordinator().read(context.name());
        List<Generation> generations = Stream.of(state.active(), state.pending()).flatMap(Optional::stream).toList();
        Generation generation = generations.stream()
                .filter(g -> g.nodes().stream().anyMatch(n -> n.name().equals(node) && n.resourceId() != null))
                .findFirst().orElseThrow(() -> unknown(node, generations));
        NodeRecord record = generation.nodes().stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow();
        NodeSpec spec = NodeRecords.spec(context, record, state.scale());
        if (spec == null) {
            throw new NeckbeardException(ExitCode.USAGE, "node " + node + " of " + context.name() + " has type " + record.type()
                    + ", which is no longer configured", "restore the node type in neckbeard/config.yml to log in to it");
        }
        try (Transport transport = context.transport(spec, generation.id(), NodeRecords.resource(record))) {
            if (transport instanceof SshTransport ssh) {
                return ssh.sshCommand(remoteCommand);
            }
            throw new NeckbeardException(ExitCode.USAGE, "node " + node + " of " + context.name() + " is a " + record.provider()
                    + " node (" + transport.describe() + "): it is not reached over SSH",
                    "run commands on it with: neckbeard run " + context.name() + " --node " + node + " -- CMD");
        }
    }

    private NeckbeardException unknown(String node, List<Generation> generations) {
        List<String> names = generations.stream().flatMap(g -> g.nodes().stream()).filter(n -> n.resourceId() != null)
                .sorted(NodeRecord.ORDER).map(NodeRecord::name).distinct().toList();
        return new NeckbeardException(ExitCode.USAGE, "no node " + node + " in the active or pending generation of " + context.name(),
                names.isEmpty() ? "deploy it first: neckbeard up " + context.name() : "its nodes are: " + String.join(", ", names));
    }
}
