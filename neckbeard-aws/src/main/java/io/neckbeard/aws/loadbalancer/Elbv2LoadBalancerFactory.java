package io.neckbeard.aws.loadbalancer;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code type: elbv2}: registered so configurations naming ELBv2 target groups pass {@code check};
 * registering targets arrives with the AWS SDK code.
 */
public final class Elbv2LoadBalancerFactory implements LoadBalancerFactory {
    /** The target group to register nodes in, and how long a deregistration waits for connections to end. */
    private static final List<String> SETTINGS = List.of("target_group", "drain_seconds");

    @Override
    public String type() {
        return "elbv2";
    }

    /** Unknown keys; a target group ARN; a drain time in whole seconds (ELBv2 allows 0 to 3600). */
    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        List<ParamProblem> problems = new ArrayList<>(PluginSettings.unknownKeys(settings, SETTINGS, "elbv2 load balancer"));
        Object group = settings.get("target_group");
        if (!(group instanceof String arn) || !arn.startsWith("arn:")) {
            problems.add(new ParamProblem("target_group", group == null ? "the elbv2 load balancer needs target_group"
                    : "target_group must be a target group ARN, was '" + group + "'",
                    "write target_group: arn:aws:elasticloadbalancing:REGION:ACCOUNT:targetgroup/NAME/ID"));
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
        throw new NeckbeardException(ExitCode.FAILED, "the elbv2 load balancer (" + context.spec().name()
                + ") is not available in this version of neckbeard", "use load balancer type 'none' to deploy without one");
    }
}
