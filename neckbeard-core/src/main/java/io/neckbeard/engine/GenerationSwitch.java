package io.neckbeard.engine;

import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.hooks.Hooks;
import io.neckbeard.health.HealthResult;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.provider.Resource;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Makes a generation (pending for promote, old for rollback) the active one: a health gate on
 * every node, then load balancers switched (new in, wait until healthy, old out), then one
 * compare-and-set write of the whole change.
 */
final class GenerationSwitch {
    private final DeployContext context;
    private final Progress progress;

    GenerationSwitch(DeployContext context, Progress progress) {
        this.context = context;
        this.progress = progress;
    }

    /**
     * The whole of {@code promote} and {@code rollback}: before hook, the lock, {@code choose} the
     * generation from the locked state, the health gate, the switch, one audit entry, after hook.
     * Each node's resource is refreshed once for the choice and the gate together; the choice
     * before the lock (for the hooks' generation) shares those refreshes unless a before hook ran
     * in between, which may have taken any time and changed anything.
     *
     * @param command  {@code promote} or {@code rollback} (hooks, lock, audit)
     * @param gateVerb how a refusal reads: "refusing to <gateVerb> ..."
     * @param choose   the generation to activate in a state, looking at its nodes' resources through the given refreshes
     */
    DeployResult activate(String command, String gateVerb, BiFunction<EnvironmentState, RefreshedResources, Generation> choose,
                          List<String> arguments) {
        return context.coordinator().refusalsAudited(context.name(), command, arguments,
                () -> chooseAndActivate(command, gateVerb, choose, arguments));
    }

    private DeployResult chooseAndActivate(String command, String gateVerb,
                                           BiFunction<EnvironmentState, RefreshedResources, Generation> choose,
                                           List<String> arguments) {
        RefreshedResources resources = new RefreshedResources(context);
        long announced = choose.apply(context.coordinator().read(context.name()), resources).id();
        Hooks hooks = context.hooks(progress::message);
        if (hooks.before(command, announced)) {
            resources = new RefreshedResources(context);
        }
        String result = "failed";
        try (EnvironmentSession session = context.coordinator().session(context.name(), command, arguments)) {
            session.result(result);
            Generation target = choose.apply(session.state(), resources);
            session.generation(target.id());
            Map<String, NodeHealth> health;
            try {
                health = gate(target, session.state(), gateVerb, resources);
            } catch (NeckbeardException refused) {
                result = "refused";
                session.result(result);
                throw refused;
            }
            DeployResult switched = switchTo(session, target, health, resources);
            result = switched.result();
            session.result(result);
            return switched;
        } finally {
            hooks.after(command, announced, result);
        }
    }

    /** What a switch to {@code target} would do, for {@code --dry-run}. */
    List<NodeOutcome> preview(EnvironmentState state, Generation target) {
        List<NodeOutcome> outcomes = new ArrayList<>();
        target.nodes().forEach(n -> outcomes.add(new NodeOutcome(n.name(), n.type(), n.az(), "health-check, register",
                "planned", "generation " + target.id() + " becomes active")));
        state.active().ifPresent(active -> active.nodes().forEach(n -> outcomes.add(new NodeOutcome(n.name(), n.type(),
                n.az(), "deregister", "planned", "generation " + active.id() + " becomes old"))));
        return outcomes;
    }

    /**
     * Checks every node of {@code target} now, with its resource as {@code resources} has it.
     *
     * @throws NeckbeardException exit 4 listing the unhealthy nodes; nothing has been changed
     */
    Map<String, NodeHealth> gate(Generation target, EnvironmentState state, String command, RefreshedResources resources) {
        Map<String, NodeHealth> health = new LinkedHashMap<>();
        if (target.nodes().isEmpty()) {
            throw new NeckbeardException(ExitCode.REFUSED, "refusing to " + command + " " + context.name()
                    + ": generation " + target.id() + " has no nodes", "build it first: neckbeard up " + context.name() + " --pending");
        }
        resources.refreshAll(target.nodes());
        for (NodeRecord record : target.nodes()) {
            progress.step(record.name(), "health");
            HealthResult result = new NodeHealthCheck(context, state).check(record, target.id(), resources);
            health.put(record.name(), new NodeHealth(result.healthy(), Instant.now(), result.detail()));
        }
        List<String> unhealthy = health.entrySet().stream().filter(e -> !e.getValue().healthy())
                .map(e -> e.getKey() + " (" + e.getValue().detail() + ")").toList();
        if (!unhealthy.isEmpty()) {
            throw new NeckbeardException(ExitCode.REFUSED, "refusing to " + command + " " + context.name() + " to generation "
                    + target.id() + ": not every node is healthy: " + String.join("; ", unhealthy) + ". Nothing was changed",
                    "fix or rebuild the generation (neckbeard up " + context.name() + " --pending resumes a pending one), then retry");
        }
        return health;
    }

    /**
     * Registers {@code target}'s nodes, waits until their balancers report them healthy, tells
     * each provider ({@link io.neckbeard.provider.ResourceProvider#promoted}), deregisters the
     * active generation's nodes and records it all in one write. When a balancer never reports a
     * new node healthy, or a provider fails, the new nodes are deregistered again and nothing is recorded.
     * Each balancer call covers all the nodes of a type (one balancer, one health setting each):
     * with a cloud balancer every call is an API call, and a deregistration waits out the drain time.
     */
    DeployResult switchTo(EnvironmentSession session, Generation target, Map<String, NodeHealth> health,
                          RefreshedResources resources) {
        Generation previous = session.state().active().orElse(null);
        List<NodeOutcome> outcomes = new ArrayList<>();
        Map<String, List<NodeRecord>> byType = new LinkedHashMap<>();
        target.nodes().stream().filter(record -> !context.managed(record.type())).forEach(record -> byType.computeIfAbsent(record.type(), type -> new ArrayList<>()).add(record));
        List<String> registered = new ArrayList<>();
        try {
            for (Map.Entry<String, List<NodeRecord>> nodes : byType.entrySet()) {
                nodes.getValue().forEach(record -> progress.step(record.name(), "register"));
                context.loadBalancer(nodes.getKey()).register(targets(nodes.getValue()));
                registered.add(nodes.getKey());
            }
            for (Map.Entry<String, List<NodeRecord>> nodes : byType.entrySet()) {
                HealthSettings settings = context.healthCheck(nodes.getKey());
                HealthPoller.awaitInService(context.loadBalancer(nodes.getKey()), targets(nodes.getValue()),
                        settings.timeout(), settings.interval());
                nodes.getValue().forEach(record -> outcomes.add(finished(record, "register",
                        "serving in generation " + target.id())));
            }
            announcePromotion(target, previous, resources);
        } catch (NeckbeardException e) {
            for (String type : registered) {
                context.loadBalancer(type).deregister(targets(byType.get(type)));
            }
            throw e;
        }
        if (previous != null) {
            new NodeTerminator(context, session.state().scale(), progress).deregister(previous.nodes());
            previous.nodes().forEach(record -> outcomes.add(finished(record, "deregister",
                    "generation " + previous.id() + " is old now")));
        }
        DeployResult result = DeployResult.of(context.name(), target.id(), outcomes);
        EnvironmentState switched = session.complete(state -> activate(state, target.id(), health, context::managed),
                result.result());
        return result.servingFrom(switched.generation(target.id()).orElseThrow());
    }

    /**
     * One {@code promoted} call per provider of either generation: {@code target}'s resources as
     * refreshed by the health gate, the retired generation's as recorded (no extra refresh).
     */
    private void announcePromotion(Generation target, Generation previous, RefreshedResources resources) {
        Map<String, List<Resource>> active = new LinkedHashMap<>();
        Map<String, List<Resource>> retired = new LinkedHashMap<>();
        target.nodes().stream().filter(r -> r.resourceId() != null)
                .forEach(r -> active.computeIfAbsent(r.provider(), p -> new ArrayList<>()).add(resources.of(r)));
        if (previous != null) {
            previous.nodes().stream().filter(r -> r.resourceId() != null)
                    .forEach(r -> retired.computeIfAbsent(r.provider(), p -> new ArrayList<>()).add(NodeRecords.resource(r)));
        }
        Set<String> providers = new LinkedHashSet<>(active.keySet());
        providers.addAll(retired.keySet());
        for (String provider : providers) {
            context.provider(provider).promoted(active.getOrDefault(provider, List.of()), retired.getOrDefault(provider, List.of()));
        }
    }

    private static List<Target> targets(List<NodeRecord> records) {
        return records.stream().map(NodeTerminator::target).toList();
    }

    /**
     * Pending/old to active and active to old, with every node's operational flag, as one state.
     * A managed node is in no load balancer: it is never operational.
     */
    private static EnvironmentState activate(EnvironmentState state, long id, Map<String, NodeHealth> health,
                                             Predicate<String> managed) {
        Long previous = state.active().map(Generation::id).orElse(null);
        EnvironmentState next = state.activate(id);
        Generation now = next.generation(id).orElseThrow();
        next = next.withGeneration(GenerationWriter.withNodes(now, now.nodes().stream()
                .map(r -> withHealth(GenerationWriter.operational(r, !managed.test(r.type())), health.get(r.name()))).toList()));
        if (previous != null) {
            Generation old = next.generation(previous).orElseThrow();
            next = next.withGeneration(GenerationWriter.withNodes(old, old.nodes().stream()
                    .map(r -> GenerationWriter.operational(r, false)).toList()));
        }
        return next;
    }

    private static NodeRecord withHealth(NodeRecord r, NodeHealth health) {
        return new NodeRecord(r.name(), r.type(), r.az(), r.provider(), r.resourceId(), r.address(), r.launchedAt(),
                r.provisionedSlug(), r.provisionedConfig(), health == null ? r.lastHealth() : health, r.operational(),
                r.attributes(), r.port(), r.url());
    }

    private NodeOutcome finished(NodeRecord record, String action, String detail) {
        NodeOutcome outcome = new NodeOutcome(record.name(), record.type(), record.az(), action, "ok", detail);
        progress.finished(outcome);
        return outcome;
    }
}
