package io.neckbeard.aws.loadbalancer;

import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code type: elbv2}: nodes go into an ELBv2 target group (see {@link TargetGroup}). Names no SDK
 * type: the SDK is loaded only when a command registers, deregisters or reads target health.
 */
public final class Elbv2LoadBalancerFactory implements LoadBalancerFactory {
    /** The target group to register nodes in, and how long a deregistration waits for connections to end. */
    private static final List<String> SETTINGS = List.of("target_group", "drain_seconds");
    private static final Duration FIRST_POLL = Duration.ofSeconds(1);

    @Override
    public String type() {
        return "elbv2";
    }

    /** Unknown keys; a target group ARN or name; a drain time in whole seconds (ELBv2 allows 0 to 3600). */
    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        List<ParamProblem> problems = new ArrayList<>(PluginSettings.unknownKeys(settings, SETTINGS, "elbv2 load balancer"));
        Object group = settings.get("target_group");
        if (!(group instanceof String text) || !(text.startsWith("arn:") ? Elbv2Settings.ARN : Elbv2Settings.NAME).matcher(text).matches()) {
            problems.add(new ParamProblem("target_group", group == null ? "the elbv2 load balancer needs target_group"
                    : "target_group must be a target group ARN or name, was '" + group + "'",
                    "write target_group: NAME (1 to 32 letters, digits and '-') or "
                            + "arn:aws:elasticloadbalancing:REGION:ACCOUNT:targetgroup/NAME/ID, usually per environment (docs/aws.md)"));
        }
        Object drain = settings.get("drain_seconds");
        if (drain != null && !(drain instanceof Integer seconds && seconds >= 0 && seconds <= 3600)) {
            problems.add(new ParamProblem("drain_seconds", "drain_seconds must be a whole number from 0 to 3600, was '" + drain + "'",
                    "write e.g. drain_seconds: 30"));
        }
        return problems;
    }

    @Override
    public LoadBalancer create(LoadBalancerContext context) {
        Elbv2Settings settings = Elbv2Settings.of(context.spec().settings());
        return new Elbv2LoadBalancer(() -> TargetGroup.of(context, settings, FIRST_POLL));
    }
}
