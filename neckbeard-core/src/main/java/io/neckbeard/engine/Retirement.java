package io.neckbeard.engine;

import io.neckbeard.state.NodeRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retires the nodes of a generation that are no longer desired (after {@code scale} down), after
 * the rollout: each is taken out and terminated only while its (type, AZ) keeps its floor.
 */
final class Retirement {
    private final DeployContext context;
    private final GenerationWriter writer;
    private final NodeTerminator terminator;
    private final Progress progress;

    Retirement(DeployContext context, GenerationWriter writer, Map<String, Integer> scale, Progress progress) {
        this.context = context;
        this.writer = writer;
        this.terminator = new NodeTerminator(context, scale, progress);
        this.progress = progress;
    }

    List<NodeOutcome> retire(List<NodePlan> nodes) {
        List<NodeOutcome> outcomes = new ArrayList<>();
        for (NodePlan node : nodes) {
            NodeOutcome outcome = retire(node);
            progress.finished(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private NodeOutcome retire(NodePlan node) {
        NodeRecord record = writer.record(node.name());
        if (record == null) {
            return outcome(node, "ok", "already gone");
        }
        if (record.operational()) {
            long serving = writer.records().stream()
                    .filter(r -> r.operational() && r.type().equals(record.type()) && r.az().equals(record.az())).count();
            int floor = context.environment().nodes().containsKey(record.type())
                    ? context.environment().nodes().get(record.type()).minPerAz() : 0;
            if (serving - 1 < floor) {
                return outcome(node, "kept", "retiring it would leave " + record.type() + " in " + record.az() + " under min_per_az="
                        + floor + "; it stays until the floor allows");
            }
        }
        try {
            terminator.deregister(record);
            writer.operational(node.name(), false);
            terminator.terminate(record, writer.generation());
            writer.remove(node.name());
            return outcome(node, "ok", node.reason());
        } catch (RuntimeException e) {
            return outcome(node, "failed", "retire: " + Failures.describe(e));
        }
    }

    private static NodeOutcome outcome(NodePlan node, String result, String detail) {
        return new NodeOutcome(node.name(), node.type(), node.az(), Action.RETIRE.id(), result, detail);
    }
}
