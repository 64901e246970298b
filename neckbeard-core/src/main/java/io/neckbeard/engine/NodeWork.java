package io.neckbeard.engine;

import io.neckbeard.config.AppEnv;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.health.HealthResult;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.packager.Slug;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provisioner.ServicePeers;
import io.neckbeard.stack.ProcessStatus;
import io.neckbeard.stack.ProcfileEntry;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.Transport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Carries out one node's plan: launch, connect (for a node there already, ahead of the rest: see
 * {@link #prepare}), take out, provision (provisioner, then the Stack),
 * health-check, put into its load balancer. Every state change is written as soon as it
 * happens. A failure ({@link NeckbeardException}) becomes the node's outcome, naming the step
 * and the tail of the failing output. Any other exception is a bug: it is reported as the
 * node's outcome too, then thrown, so {@link Rollout} stops and the command exits 70.
 */
final class NodeWork implements NodeJob {
    private final DeployContext context;
    private final GenerationWriter writer;
    private final Slug slug;
    private final Map<String, String> vars;
    private final List<NodeSpec> desired;
    private final Function<String, Resource> seeds;
    private final Progress progress;

    /**
     * @param seeds the seed resource of a node name (the same node of the seed environment's active generation), or null
     */
    NodeWork(DeployContext context, GenerationWriter writer, Slug slug, Map<String, String> vars, List<NodeSpec> desired,
             Function<String, Resource> seeds, Progress progress) {
        this.context = context;
        this.writer = writer;
        this.slug = slug;
        this.vars = Map.copyOf(vars);
        this.desired = List.copyOf(desired);
        this.seeds = seeds;
        this.progress = progress;
    }

    /**
     * Connects to a node that is there already before it is taken out of service: not one to launch,
     * nor one whose interrupted launch is still to finish (it may have no address yet), nor a managed
     * one. Its transport is made from the parameters as they resolve now; the parameters its
     * provisioning gets are resolved again when it is worked on.
     */
    @Override
    public Transport prepare(NodePlan plan) {
        NodeSpec node = plan.spec();
        Resource resource = plan.resource();
        if (plan.has(Action.LAUNCH) || plan.foundUnrecorded() || resource == null || context.managed(node.type())) {
            return null;
        }
        Transport transport = context.provider(node.resource()).transport(resource, node,
                NodeParams.resolve(node, writer.generation(), resource, writer.records()));
        try {
            transport.connect();
            return transport;
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    @Override
    public NodeOutcome failedPreparation(NodePlan plan, RuntimeException failure) {
        return outcome(plan, "failed", "connect: " + (failure instanceof NeckbeardException e ? Failures.describe(e)
                : "internal error: " + failure));
    }

    @Override
    public NodeOutcome run(NodePlan plan, Transport prepared) {
        try (prepared) {
            return work(plan, prepared);
        }
    }

    /** @param prepared the node's transport, connected ahead, or null: then one is opened here */
    private NodeOutcome work(NodePlan plan, Transport prepared) {
        String step = "start";
        String done = plan.reason();
        NodeSpec node = plan.spec();
        try {
            ResourceProvider provider = context.provider(node.resource());
            NodeDeploy deploy = new NodeDeploy(context, writer.generation(), node, plan.resource());
            if (plan.has(Action.LAUNCH)) {
                step = step(plan, "launch");
                deploy = deploy.withResource(provider.launch(deploy.launchRequest(clientToken(plan), seeds.apply(node.name()))));
            } else if (plan.foundUnrecorded()) {
                step = step(plan, "launch");
                deploy = deploy.withResource(provider.resume(deploy.resource(), deploy.launchRequest(clientToken(plan), null)));
            }
            Resource resource = deploy.resource();
            Target target = deploy.target();
            TypedSettings check = context.nodeType(node.type()).healthCheck();
            Integer port = Endpoint.port(target, check);
            String url = Endpoint.url(resource.address(), port, !context.managed(node.type()) && servesHttp(check));
            NodeRecord record = plan.record();
            if (plan.has(Action.LAUNCH) || plan.foundUnrecorded()) {
                writer.resource(node.name(), node.type(), node.az(), resource, port, url);
            } else if (!Objects.equals(record.port(), port) || !Objects.equals(record.url(), url)) {
                writer.endpoint(node.name(), port, url);
            }
            HealthSettings health = context.healthCheck(node.type());
            if (context.managed(node.type())) {
                if (plan.has(Action.UPDATE)) {
                    step = step(plan, "update");
                    deploy = deploy.withResource(provider.update(resource, deploy.launchRequest(clientToken(plan), null)));
                }
                step = step(plan, "health");
                return checkManaged(plan, deploy, port, provider, health);
            }
            ResolvedParams params = NodeParams.resolve(node, writer.generation(), resource, writer.records());
            LoadBalancer balancer = context.loadBalancer(node.type());
            Transport opened = prepared == null ? provider.transport(resource, node, params) : null;
            try (opened) {
                Transport transport = prepared != null ? prepared : opened;
                if (plan.has(Action.TAKE_OUT)) {
                    step = step(plan, "take-out");
                    balancer.deregister(deploy.targets());
                    writer.operational(node.name(), false);
                }
                if (plan.has(Action.PROVISION)) {
                    step = step(plan, "provision");
                    provision(deploy, params, transport);
                }
                List<String> processes = context.stack().processes(slug).stream().map(ProcfileEntry::name).toList();
                ProcessWatch watch = context.processWatch(transport, resource, node.name(), writer.generation(), processes,
                        plan.has(Action.PROVISION) || plan.has(Action.RESTART), vars);
                String restarted = null;
                if (plan.has(Action.RESTART)) {
                    step = step(plan, "restart");
                    restarted = "restarted " + restart(watch, node.name(), transport);
                    done = plan.reason() + "; " + restarted;
                }
                step = step(plan, "health");
                long started = System.nanoTime();
                HealthResult result = HealthPoller.await(health, deploy.healthTarget(provider, transport), watch);
                // a repair is recorded with the node's health, which names what was restarted
                NodeHealth observed = new NodeHealth(result.healthy(), Instant.now(),
                        restarted == null ? result.detail() : restarted + "; " + result.detail());
                // The digests are recorded only for a node that came up healthy, so a re-run provisions it again.
                if (plan.has(Action.PROVISION) && result.healthy()) {
                    writer.provisioned(node.name(), slug.digest(), configDigest(plan, params), observed);
                } else {
                    writer.health(node.name(), observed);
                }
                if (!result.healthy()) {
                    return unhealthy(plan, health, started, result);
                }
                if (plan.joinsService()) {
                    step = step(plan, "register");
                    HealthPoller.putIntoService(balancer, deploy.targets(), health);
                    writer.operational(node.name(), true);
                    return outcome(plan, "ok", done + "; serving at "
                            + new Endpoint(node.name(), resource.address(), port, url).display());
                }
            }
            return outcome(plan, "ok", done);
        } catch (NeckbeardException e) {
            return outcome(plan, "failed", step + ": " + Failures.describe(e));
        } catch (RuntimeException bug) {
            outcome(plan, "failed", step + ": internal error: " + bug);
            throw bug;
        }
    }

    /**
     * A managed node: its provider's health, recorded; no transport, provisioner, Stack or load
     * balancer. After a launch or an update, a healthy node's config digest is recorded with its
     * health, so the next {@code up} updates it only when its configuration changes again.
     */
    private NodeOutcome checkManaged(NodePlan plan, NodeDeploy deploy, Integer port, ResourceProvider provider,
                                     HealthSettings health) {
        long started = System.nanoTime();
        HealthResult result = HealthPoller.await(health, deploy.healthTarget(provider, null), null);
        NodeHealth observed = new NodeHealth(result.healthy(), Instant.now(), result.detail());
        if (result.healthy() && (plan.has(Action.LAUNCH) || plan.has(Action.UPDATE))) {
            NodeSpec node = deploy.node();
            writer.configured(plan.name(), configDigest(plan,
                    NodeParams.resolve(node, writer.generation(), deploy.resource(), writer.records())), observed);
        } else {
            writer.health(plan.name(), observed);
        }
        if (!result.healthy()) {
            return unhealthy(plan, health, started, result);
        }
        return outcome(plan, "ok", plan.reason() + "; endpoint " + Endpoint.hostPort(deploy.resource().address(), port));
    }

    private NodeOutcome unhealthy(NodePlan plan, HealthSettings health, long started, HealthResult result) {
        // the wait ends early only when a process exited (or the timeout passed): its cause is the detail
        boolean timedOut = System.nanoTime() - started >= health.timeout().toNanos();
        return outcome(plan, "failed", "health: " + (timedOut ? "not healthy within "
                + health.timeout().toSeconds() + "s: " : "") + result.detail());
    }

    private String step(NodePlan plan, String step) {
        progress.step(plan.name(), step);
        return step;
    }

    /** Restarts the node's stopped processes from its current release; returns their names. */
    private String restart(ProcessWatch watch, String node, Transport transport) {
        List<String> stopped = watch.inspect().stream().filter(ProcessStatus::stopped).map(ProcessStatus::name).toList();
        List<ProcfileEntry> processes = context.stack().processes(slug).stream().filter(p -> stopped.contains(p.name())).toList();
        context.stack().restart(transport, watch.target(), processes, line -> progress.output(node, line));
        return processes.isEmpty() ? "nothing (every process ran again)" : String.join(", ", stopped);
    }

    /**
     * Stable for (app, env, generation, node), so a re-run after a crash gets the resource the
     * crashed run launched; a relaunch after the resource vanished gets a token of its own.
     */
    private String clientToken(NodePlan plan) {
        String token = context.project().app() + "-" + context.name() + "-g" + writer.generation() + "-" + plan.name();
        NodeRecord record = plan.record();
        if (record != null && record.resourceId() != null) {
            token += "-r" + Integer.toHexString(record.resourceId().hashCode());
        }
        return token;
    }

    private void provision(NodeDeploy deploy, ResolvedParams params, Transport transport) {
        NodeSpec node = deploy.node();
        // the peers' endpoints go to the env file too; the node's own app_env wins over a name they share
        Map<String, String> appEnv = new LinkedHashMap<>(Peers.environment(writer.records()));
        appEnv.putAll(AppEnv.of(params.values()));
        StackTarget stackTarget = deploy.stackTarget(appEnv, vars);
        // provisioning and the deploy travel together: one copy and one command on the node
        context.stack().deploy(transport, slug, stackTarget,
                context.provisioner().steps(deploy.provisionRequest(params, peers(node), stackTarget)),
                line -> progress.output(node.name(), line));
    }

    /** For each of the node's services, the addresses of this generation's nodes running it (those launched so far). */
    private Map<String, ServicePeers> peers(NodeSpec node) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (NodeRecord record : writer.records()) {
            if (record.address() != null) {
                addresses.put(record.name(), record.address());
            }
        }
        Map<String, ServicePeers> peers = new LinkedHashMap<>();
        for (String service : node.services()) {
            List<String> sameAz = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (NodeSpec other : desired) {
                String address = addresses.get(other.name());
                if (address != null && other.services().contains(service)) {
                    all.add(address);
                    if (other.az().equals(node.az())) {
                        sameAz.add(address);
                    }
                }
            }
            peers.put(service, new ServicePeers(sameAz, all));
        }
        return peers;
    }

    private String configDigest(NodePlan plan, ResolvedParams params) {
        return plan.configDigest() != null ? plan.configDigest()
                : NodeParams.digest(params, context.roles(plan.spec().services()), vars);
    }

    private NodeOutcome outcome(NodePlan plan, String result, String detail) {
        NodeOutcome outcome = new NodeOutcome(plan.name(), plan.type(), plan.az(), plan.describeActions(), result, detail);
        progress.finished(outcome);
        return outcome;
    }

    /** A node serves HTTP when its type is checked over HTTP or the slug has a {@code web} process. */
    private boolean servesHttp(TypedSettings check) {
        return check != null && "http".equals(check.type()) || context.stack().processes(slug).stream().anyMatch(ProcfileEntry::web);
    }
}
