package io.neckbeard.aws.loadbalancer;

import io.neckbeard.aws.AwsClients;
import io.neckbeard.aws.AwsErrors;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerException;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The ELBv2 calls of the {@link Elbv2LoadBalancer}, on one target group. The group is described
 * once (looked up by name when the settings give one), for its ARN and target type: an
 * {@code instance} group gets each node's EC2 instance id, an {@code ip} group its address, with
 * the node's port when it has one (else the group's). Register and deregister are one call each
 * for all the targets given; a health poll is one DescribeTargetHealth for all of them. See docs/aws.md.
 */
final class TargetGroup {
    private static final Logger LOG = LoggerFactory.getLogger(TargetGroup.class);
    static final Duration MAX_POLL = Duration.ofSeconds(15);
    /** How long past the group's own deregistration delay a deregistration still waits for ELB to report the targets drained. */
    static final Duration DRAIN_SLACK = Duration.ofSeconds(15);
    private static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";

    private final ElasticLoadBalancingV2Client elb;
    private final String balancer;
    private final Elbv2Settings settings;
    private final Duration firstPoll;
    private volatile Described described;
    private volatile Duration drainTime;

    /** What the group's description says, read once. */
    private record Described(String arn, String name, TargetTypeEnum type) {
    }

    /**
     * @param balancer  the balancer's name in config.yml, for messages
     * @param firstPoll the first wait between two looks at draining targets; it doubles up to {@link #MAX_POLL}
     */
    TargetGroup(ElasticLoadBalancingV2Client elb, String balancer, Elbv2Settings settings, Duration firstPoll) {
        this.elb = elb;
        this.balancer = balancer;
        this.settings = settings;
        this.firstPoll = firstPoll;
    }

    /** On the run's ELBv2 client (see {@link AwsClients}). */
    static TargetGroup of(LoadBalancerContext context, Elbv2Settings settings, Duration firstPoll) {
        return new TargetGroup(AwsClients.of(context).elbv2(), context.spec().name(), settings, firstPoll);
    }

    void register(List<Target> targets) {
        Described group = described();
        call(() -> elb.registerTargets(r -> r.targetGroupArn(group.arn()).targets(descriptions(group, targets))),
                "register " + nodes(targets) + " in target group " + group.name());
        LOG.info("registered {} in target group {}", nodes(targets), group.name());
    }

    /** Deregisters the targets, then waits until ELB no longer reports any of them {@code draining}, at most the drain time. */
    void deregister(List<Target> targets) {
        Described group = described();
        call(() -> elb.deregisterTargets(r -> r.targetGroupArn(group.arn()).targets(descriptions(group, targets))),
                "deregister " + nodes(targets) + " from target group " + group.name());
        Duration drain = drainTime(group);
        if (drain.isZero()) {
            return;
        }
        Instant deadline = Instant.now().plus(drain);
        Duration wait = firstPoll;
        while (true) {
            List<String> draining = draining(group, targets);
            if (draining.isEmpty()) {
                return;
            }
            if (!Instant.now().plus(wait).isBefore(deadline)) {
                LOG.warn("{} still draining from target group {} after {}s; going on (drain_seconds bounds the wait)",
                        String.join(", ", draining), group.name(), drain.toSeconds());
                return;
            }
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(MAX_POLL) < 0 ? wait.multipliedBy(2) : MAX_POLL;
        }
    }

    /**
     * Each target's state in one DescribeTargetHealth. A throttled poll reads as {@code INITIAL}
     * for every target (the next poll looks again).
     *
     * @throws LoadBalancerException when ELB reports a target {@code unhealthy}: the node failed the
     *                               group's health check, named with ELB's reason code and description
     */
    Map<String, TargetHealth> health(List<Target> targets) {
        Described group = described();
        Map<String, TargetHealth> health = new LinkedHashMap<>();
        List<TargetHealthDescription> found = poll(group, targets, "read the health of " + nodes(targets));
        if (found == null) {
            targets.forEach(t -> health.put(t.node(), TargetHealth.INITIAL));
            return health;
        }
        List<String> unhealthy = new ArrayList<>();
        for (Target target : targets) {
            TargetHealthDescription description = find(found, id(group, target), target.port());
            TargetHealth state = description == null ? TargetHealth.UNUSED : state(description.targetHealth().state());
            if (state == TargetHealth.UNHEALTHY) {
                unhealthy.add(target.node() + " (" + description.targetHealth().reasonAsString() + ": "
                        + description.targetHealth().description() + ")");
            }
            health.put(target.node(), state);
        }
        if (!unhealthy.isEmpty()) {
            throw new LoadBalancerException("load balancer " + balancer + ": target group " + group.name()
                    + " reports " + String.join(", ", unhealthy) + " unhealthy",
                    "fix what ELB names (the app's answer on the group's health check path and port, security groups), then re-run", null);
        }
        return health;
    }

    /** One DescribeTargetHealth of the targets; null when it was throttled (the caller's next poll looks again). */
    private List<TargetHealthDescription> poll(Described group, List<Target> targets, String action) {
        try {
            return elb.describeTargetHealth(r -> r.targetGroupArn(group.arn()).targets(descriptions(group, targets)))
                    .targetHealthDescriptions();
        } catch (AwsServiceException e) {
            if (!e.isThrottlingException()) {
                throw AwsErrors.translate(e, action + " in target group " + group.name() + " (load balancer " + balancer + ")");
            }
            LOG.warn("DescribeTargetHealth of target group {} was throttled; looking again at the next poll", group.name());
            return null;
        }
    }

    /** The nodes ELB still reports draining; a throttled poll counts as all of them. */
    private List<String> draining(Described group, List<Target> targets) {
        List<TargetHealthDescription> found = poll(group, targets, "wait for " + nodes(targets) + " to drain");
        if (found == null) {
            return targets.stream().map(Target::node).toList();
        }
        return targets.stream().filter(t -> {
            TargetHealthDescription d = find(found, id(group, t), t.port());
            return d != null && state(d.targetHealth().state()) == TargetHealth.DRAINING;
        }).map(Target::node).toList();
    }

    private static TargetHealth state(TargetHealthStateEnum state) {
        return switch (state) {
            case HEALTHY -> TargetHealth.HEALTHY;
            case UNHEALTHY -> TargetHealth.UNHEALTHY;
            case DRAINING, UNHEALTHY_DRAINING -> TargetHealth.DRAINING;
            case UNUSED -> TargetHealth.UNUSED;
            // initial, unavailable (no health checks) and anything newer: not known to serve yet
            default -> TargetHealth.INITIAL;
        };
    }

    /** The group's ARN, name and target type, from one DescribeTargetGroups on first use. */
    private Described described() {
        Described current = described;
        if (current == null) {
            synchronized (this) {
                if (described == null) {
                    described = describe();
                }
                current = described;
            }
        }
        return current;
    }

    private Described describe() {
        DescribeTargetGroupsRequest request = settings.byArn()
                ? DescribeTargetGroupsRequest.builder().targetGroupArns(settings.targetGroup()).build()
                : DescribeTargetGroupsRequest.builder().names(settings.targetGroup()).build();
        var group = call(() -> elb.describeTargetGroups(request).targetGroups().get(0),
                "look up target group " + settings.targetGroup());
        TargetTypeEnum type = group.targetType();
        if (type != TargetTypeEnum.INSTANCE && type != TargetTypeEnum.IP) {
            throw new NeckbeardException(ExitCode.USAGE, "load balancer " + balancer + ": target group " + group.targetGroupName()
                    + " has target type " + group.targetTypeAsString() + "; neckbeard registers EC2 instances or IP addresses",
                    "point target_group at a target group of type instance or ip");
        }
        return new Described(group.targetGroupArn(), group.targetGroupName(), type);
    }

    /** drain_seconds, else the group's deregistration delay (read once) and some slack for ELB to report it. */
    private Duration drainTime(Described group) {
        if (settings.drainSeconds() != null) {
            return Duration.ofSeconds(settings.drainSeconds());
        }
        Duration current = drainTime;
        if (current == null) {
            String seconds = call(() -> elb.describeTargetGroupAttributes(r -> r.targetGroupArn(group.arn())).attributes().stream()
                    .filter(a -> DEREGISTRATION_DELAY.equals(a.key())).map(a -> a.value()).findFirst().orElse("300"),
                    "read the deregistration delay of target group " + group.name());
            current = Duration.ofSeconds(Long.parseLong(seconds)).plus(DRAIN_SLACK);
            drainTime = current;
        }
        return current;
    }

    private List<TargetDescription> descriptions(Described group, List<Target> targets) {
        return targets.stream().map(t -> {
            TargetDescription.Builder description = TargetDescription.builder().id(id(group, t));
            return (t.port() > 0 ? description.port(t.port()) : description).build();
        }).toList();
    }

    /** The instance id in an {@code instance} group, the address in an {@code ip} group. */
    private String id(Described group, Target target) {
        String id = group.type() == TargetTypeEnum.IP ? target.address() : target.resourceId();
        if (id == null) {
            throw new LoadBalancerException("load balancer " + balancer + ": node " + target.node() + " has no "
                    + (group.type() == TargetTypeEnum.IP ? "address" : "resource id") + " to register in target group " + group.name(),
                    "run 'neckbeard up' again once the node's resource runs", null);
        }
        return id;
    }

    /** The description of the target with this id (and port, when the node has one: an ip group may hold one address twice). */
    private static TargetHealthDescription find(List<TargetHealthDescription> found, String id, int port) {
        return found.stream().filter(d -> id.equals(d.target().id()) && (port == 0 || Integer.valueOf(port).equals(d.target().port())))
                .findFirst().orElse(null);
    }

    private <T> T call(Supplier<T> call, String action) {
        try {
            return call.get();
        } catch (TargetGroupNotFoundException e) {
            throw new NeckbeardException(ExitCode.FAILED, "load balancer " + balancer + ": target group " + settings.targetGroup()
                    + " does not exist in this account and region", "create it, or fix target_group for this environment "
                    + "(load_balancers." + balancer + ".target_group in config.yml or the env file)", e);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, action + " (load balancer " + balancer + ")");
        }
    }

    private static String nodes(List<Target> targets) {
        return targets.stream().map(Target::node).collect(Collectors.joining(", "));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while targets were draining", null, e);
        }
    }
}
