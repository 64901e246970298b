package io.neckbeard.engine;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;
import io.neckbeard.state.NodeRecord;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the engine will do to one node, and what it knows about it.
 *
 * @param spec         the node as configured, or null for a node being retired
 * @param record       what the coordinator remembers of it in the target generation, or null
 * @param resource     its running resource as discovery found it, or null
 * @param configDigest digest of its redacted parameters, roles and config vars (null until launched)
 * @param reason       why, in a few words
 */
public record NodePlan(String name, String type, String az, NodeSpec spec, NodeRecord record, Resource resource,
                       String configDigest, List<Action> actions, String reason) {
    public NodePlan {
        actions = List.copyOf(actions);
    }

    /** Operational now: taking it out reduces its AZ's serving count. */
    public boolean serving() {
        return record != null && record.operational() && resource != null;
    }

    public boolean has(Action action) {
        return actions.contains(action);
    }

    /** Its resource was found by its tags, launched by an interrupted run that never recorded it: a launch to finish. */
    public boolean foundUnrecorded() {
        return resource != null && !has(Action.LAUNCH) && !has(Action.RETIRE)
                && (record == null || !resource.id().equals(record.resourceId()));
    }

    /** Worked on in a wave (everything but nothing-to-do and retirement, which comes last). */
    public boolean isWork() {
        return !actions.equals(List.of(Action.NOTHING)) && !has(Action.RETIRE);
    }

    /** Serves once its work is done: it is put back into, or registered with, its load balancer. */
    public boolean joinsService() {
        return has(Action.PUT_BACK) || has(Action.REGISTER);
    }

    /** As the wave scheduler and the floor gate see it: restarting stopped processes takes nothing out of service. */
    public WorkItem workItem() {
        return new WorkItem(name, placement(), serving() && !has(Action.RESTART));
    }

    public Placement placement() {
        return new Placement(type, az);
    }

    /** {@code take-out, provision, put-back}. */
    public String describeActions() {
        return actions.stream().map(Action::id).collect(Collectors.joining(", "));
    }
}
