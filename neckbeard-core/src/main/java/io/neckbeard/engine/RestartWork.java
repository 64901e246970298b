package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.health.HealthResult;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.stack.Procfile;
import io.neckbeard.stack.ProcfileEntry;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * Restarts one node's Procfile processes in place ({@code restart}): take it out of its load
 * balancer when it serves, restart the processes of its current release (the Procfile read from
 * the node, so no slug is needed), wait until it is healthy and every restarted process runs,
 * put it back. Never throws: a failure becomes the node's outcome, naming the step.
 */
final class RestartWork {
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);
    static final String ACTIONS = "take-out, restart, put-back";

    private final DeployContext context;
    private final GenerationWriter writer;
    private final List<String> only;
    private final Map<String, String> vars;
    private final Progress progress;

    /** @param only the processes to restart; all of the node's Procfile when empty */
    RestartWork(DeployContext context, GenerationWriter writer, List<String> only, Map<String, String> vars, Progress progress) {
        this.context = context;
        this.writer = writer;
        this.only = List.copyOf(only);
        this.vars = Map.copyOf(vars);
        this.progress = progress;
    }

    NodeOutcome run(NodePlan plan) {
        String step = "start";
        try {
            NodeSpec node = plan.spec();
            ResourceProvider provider = context.provider(plan.record().provider());
            Resource resource = provider.refresh(plan.resource());
            NodeDeploy deploy = new NodeDeploy(context, writer.generation(), node, resource);
            Target target = deploy.target();
            LoadBalancer balancer = context.loadBalancer(node.type());
            HealthSettings health = context.healthCheck(node.type());
            StackTarget stackTarget = deploy.stackTarget();
            try (Transport transport = provider.transport(resource, node,
                    NodeParams.resolve(node, writer.generation(), resource, writer.records()))) {
                // read first: a process the node does not have fails before the node leaves service
                List<ProcfileEntry> processes = processes(transport, stackTarget);
                if (plan.serving()) {
                    step = step(plan, "take-out");
                    balancer.deregister(List.of(target));
                    writer.operational(node.name(), false);
                }
                step = step(plan, "restart");
                context.stack().restart(transport, stackTarget, processes, line -> progress.output(node.name(), line));
                List<String> names = processes.stream().map(ProcfileEntry::name).toList();
                ProcessWatch watch = context.processWatch(transport, resource, node.name(), writer.generation(), names, true, vars);
                step = step(plan, "health");
                HealthResult result = HealthPoller.await(health, deploy.healthTarget(provider, transport), watch);
                writer.health(node.name(), new NodeHealth(result.healthy(), Instant.now(), result.detail()));
                if (!result.healthy()) {
                    return outcome(plan, "failed", "health: " + result.detail());
                }
                if (plan.serving()) {
                    step = step(plan, "put-back");
                    HealthPoller.putIntoService(balancer, List.of(target), health);
                    writer.operational(node.name(), true);
                }
                return outcome(plan, "ok", "restarted " + String.join(", ", names));
            }
        } catch (RuntimeException e) {
            return outcome(plan, "failed", step + ": " + Failures.describe(e));
        }
    }

    /** The processes to restart, from the Procfile of the node's current release. */
    private List<ProcfileEntry> processes(Transport transport, StackTarget target) {
        List<String> lines = new ArrayList<>();
        String procfile = target.root() + "/current/Procfile";
        CommandResult read = transport.run("cat " + quote(procfile), Map.of(), READ_TIMEOUT, lines::add);
        if (!read.succeeded()) {
            throw new NeckbeardException(ExitCode.FAILED, "cannot read " + procfile + " on "
                    + transport.describe() + ": " + read.outputTail(), "deploy the node first: neckbeard up " + context.name());
        }
        List<ProcfileEntry> all = Procfile.parse(lines, transport.describe() + ":" + procfile);
        List<ProcfileEntry> chosen = all.stream().filter(p -> only.isEmpty() || only.contains(p.name())).toList();
        if (chosen.isEmpty()) {
            throw new NeckbeardException(ExitCode.USAGE, "no process " + String.join(", ", only)
                    + " in the node's Procfile", "its processes are: " + String.join(", ", all.stream().map(ProcfileEntry::name).toList()));
        }
        return chosen;
    }

    private String step(NodePlan plan, String step) {
        progress.step(plan.name(), step);
        return step;
    }

    private NodeOutcome outcome(NodePlan plan, String result, String detail) {
        NodeOutcome outcome = new NodeOutcome(plan.name(), plan.type(), plan.az(), ACTIONS, result, detail);
        progress.finished(outcome);
        return outcome;
    }
}
