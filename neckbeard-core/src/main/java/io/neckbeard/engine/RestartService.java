package io.neckbeard.engine;

import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code restart ENV [--type T] [--process NAME]}: restarts the Procfile processes of the active
 * generation's nodes in place, without a new release or provisioning. It rolls like {@code up}:
 * the same wave scheduler refuses (exit 4, before anything is touched) when taking a serving node
 * out would break its type's {@code min_per_az}, and the same floor gate and health gate decide
 * when the next node may start. Holds the environment's lock and is audited.
 */
public final class RestartService {
    private final DeployContext context;
    private final Progress progress;

    public RestartService(DeployContext context, Progress progress) {
        this.context = context;
        this.progress = progress;
    }

    /**
     * @param type      only nodes of this type, or null
     * @param processes only these processes; every process of the Procfile when empty
     * @param parallel  at most this many nodes at once, or null for as many as the floor allows
     * @param arguments the command line for the audit entry
     */
    public DeployResult restart(String type, List<String> processes, Integer parallel, List<String> arguments) {
        return context.coordinator().refusalsAudited(context.name(), "restart", arguments,
                () -> roll(type, processes, parallel, arguments));
    }

    private DeployResult roll(String type, List<String> processes, Integer parallel, List<String> arguments) {
        try (EnvironmentSession session = context.coordinator().session(context.name(), "restart", arguments)) {
            session.result("failed");
            EnvironmentState state = session.state();
            Generation active = ActiveNodes.active(context, state, "to restart");
            session.generation(active.id());
            List<NodePlan> nodes = plans(ActiveNodes.hosts(context, ActiveNodes.select(context, active, null, type),
                    (managed, why) -> progress.message(managed + ": skipped: " + why)), state);
            Map<String, Integer> floors = new PlanService(context).floors();
            Map<Placement, Integer> operational = PlanService.operational(nodes);
            int slots = parallel != null ? parallel : Math.max(1, nodes.size());
            try {
                new WaveScheduler(context.name(), floors, slots).schedule(nodes.stream().map(NodePlan::workItem).toList(), operational);
            } catch (NeckbeardException e) {
                session.result("refused");
                throw e.exitCode() == ExitCode.REFUSED ? refusal(e) : e;
            }
            RestartWork work = new RestartWork(context, new GenerationWriter(session, active.id()), processes, state.vars(), progress);
            progress.message(nodes.size() + " nodes to restart; each starts as soon as its type and AZ keep min_per_az nodes serving without it");
            List<NodeOutcome> outcomes = new Rollout(progress).run(nodes, new FloorGate(floors, operational), slots, work::run);
            DeployResult result = DeployResult.of(context.name(), active.id(), outcomes);
            session.result(result.result());
            return result;
        }
    }

    /** A plan per node: not serving ones first, as they can always be restarted. */
    private List<NodePlan> plans(List<NodeRecord> records, EnvironmentState state) {
        List<NodePlan> plans = new ArrayList<>();
        for (NodeRecord record : records) {
            NodeSpec spec = NodeRecords.spec(context, record, state.scale());
            if (spec == null) {
                throw new NeckbeardException(ExitCode.USAGE, record.name() + "'s node type " + record.type() + " is no longer configured",
                        "run neckbeard up " + context.name() + " to converge the generation first");
            }
            plans.add(new NodePlan(record.name(), record.type(), record.az(), spec, record, NodeRecords.resource(record), null,
                    List.of(Action.TAKE_OUT, Action.PUT_BACK), "restart"));
        }
        plans.sort(java.util.Comparator.comparing(NodePlan::serving));
        return plans;
    }

    private NeckbeardException refusal(NeckbeardException scheduler) {
        return new NeckbeardException(ExitCode.REFUSED, "refusing a rolling restart of " + context.name() + ": "
                + scheduler.getMessage().substring(scheduler.getMessage().indexOf(": ") + 2).replace("provisioned", "restarted"),
                "scale the type up first (neckbeard scale " + context.name() + " TYPE=COUNT, then neckbeard up " + context.name() + ")");
    }
}
