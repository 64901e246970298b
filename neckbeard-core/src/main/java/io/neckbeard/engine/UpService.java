package io.neckbeard.engine;

import io.neckbeard.config.PeerOrder;
import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.engine.hooks.Hooks;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code up ENV [--pending]}: converges the active generation with a rolling deploy (creating
 * generation 1 when there is none), or builds / resumes the pending generation beside it. Holds
 * the environment's lock throughout.
 */
public final class UpService {
    private final DeployContext context;
    private final Progress progress;

    public UpService(DeployContext context, Progress progress) {
        this.context = context;
        this.progress = progress;
    }

    /** {@code --dry-run}: the plan, and nothing else (no lock, no writes, no launches). */
    public Plan plan(boolean pending, Integer parallel) {
        return new PlanService(context).plan(pending, parallel);
    }

    /**
     * @param arguments the command line for the audit entry (nothing secret in it)
     * @throws io.neckbeard.core.NeckbeardException exit 4 when the HA floor leaves no room, before anything is touched
     */
    public DeployResult up(boolean pending, Integer parallel, List<String> arguments) {
        return context.coordinator().refusalsAudited(context.name(), "up", arguments, () -> deploy(pending, parallel, arguments));
    }

    private DeployResult deploy(boolean pending, Integer parallel, List<String> arguments) {
        EnvironmentState before = context.coordinator().read(context.name());
        long announced = (pending ? before.pending() : before.active()).map(Generation::id).orElse(before.nextGenerationId());
        Hooks hooks = context.hooks(progress::message);
        hooks.before("up", announced);
        String result = "failed";
        try (EnvironmentSession session = context.coordinator().session(context.name(), "up", arguments)) {
            session.result("failed");
            Plan plan = new PlanService(context).plan(session.state(), pending, parallel);
            session.generation(plan.generation());
            if (plan.refusal() != null) {
                result = "refused";
                session.result(result);
                throw plan.refusal();
            }
            NodeParams.requireEnvironment(plan.nodes().stream().map(NodePlan::spec).filter(n -> n != null).toList(),
                    plan.generation());
            context.stack().processes(plan.slug());
            progress.message("slug " + plan.slug().id() + " (" + plan.slug().digest() + ")");
            DeployResult deployed = execute(session, plan, parallel);
            result = deployed.result();
            session.result(result);
            return deployed;
        } finally {
            hooks.after("up", announced, result);
        }
    }

    private DeployResult execute(EnvironmentSession session, Plan plan, Integer parallel) {
        long id = plan.generation();
        if (plan.newGeneration()) {
            GenerationState state = plan.pending() ? GenerationState.PENDING : GenerationState.ACTIVE;
            session.update(s -> s.withGeneration(new Generation(id, state, Instant.now(), null, null, List.of())));
        }
        GenerationWriter writer = new GenerationWriter(session, id);
        EnvironmentState state = session.state();
        List<NodeSpec> desired = plan.nodes().stream().map(NodePlan::spec).filter(n -> n != null).toList();
        NodeWork work = new NodeWork(context, writer, plan.slug(), state.vars(), desired, seeds(id), progress);
        List<NodePlan> ordered = plan.waves().stream().flatMap(List::stream).toList();
        FloorGate gate = new FloorGate(new PlanService(context).floors(), PlanService.operational(plan.nodes()));
        List<Integer> waves = new ArrayList<>(plan.waves().stream().map(List::size).toList());
        if (!plan.retirements().isEmpty()) {
            waves.add(plan.retirements().size()); // retired after the last wave
        }
        progress.planned(waves);
        progress.message(ordered.size() + " nodes to work on" + (parallel == null ? "" : ", at most " + parallel + " at once")
                + "; each starts as soon as its type and AZ keep min_per_az nodes serving without it");
        List<NodeOutcome> outcomes = new ArrayList<>(new Rollout(progress)
                .run(ordered, gate, parallel != null ? parallel : Math.max(1, ordered.size()), PeerOrder.of(desired)::dependencies,
                        work));
        boolean failed = outcomes.stream().anyMatch(NodeOutcome::failed);
        if (!failed) {
            outcomes.addAll(new Retirement(context, writer, state.scale(), progress).retire(plan.retirements()));
        }
        for (NodePlan node : plan.nodes()) {
            if (node.has(Action.NOTHING)) {
                outcomes.add(new NodeOutcome(node.name(), node.type(), node.az(), Action.NOTHING.id(), "unchanged", node.reason()));
            }
        }
        DeployResult result = DeployResult.of(context.name(), id, outcomes);
        if (!result.failed()) {
            writer.generation(g -> new Generation(g.id(), g.state(), g.createdAt(), plan.slug().digest(),
                    generationDigest(g.nodes()), g.nodes()));
        }
        return result.servingFrom(session.state().generation(id).orElseThrow());
    }

    /** The seed of a new node: the same node of the seed environment's active generation, unless that is this generation. */
    private Function<String, Resource> seeds(long generation) {
        String seedEnvironment = context.environment().seedEnvironment() == null ? context.name()
                : context.environment().seedEnvironment();
        Generation seed = context.coordinator().read(seedEnvironment).active()
                .filter(g -> !(seedEnvironment.equals(context.name()) && g.id() == generation))
                .orElse(null);
        return node -> seed == null ? null : seed.nodes().stream()
                .filter(r -> r.name().equals(node) && r.resourceId() != null)
                .map(NodeRecords::resource).findFirst().orElse(null);
    }

    private static String generationDigest(List<NodeRecord> nodes) {
        Map<String, String> digests = new TreeMap<>();
        nodes.forEach(n -> digests.put(n.name(), n.provisionedConfig()));
        return NodeParams.digestOf(digests);
    }
}
