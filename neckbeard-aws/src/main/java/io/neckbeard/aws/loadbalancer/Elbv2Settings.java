package io.neckbeard.aws.loadbalancer;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An elbv2 balancer's settings, as validated by {@link Elbv2LoadBalancerFactory}.
 *
 * @param targetGroup  a target group ARN, or a name looked up in the project's region
 * @param drainSeconds how long a deregistration waits for the targets to leave {@code draining};
 *                     null for the target group's own deregistration delay
 */
record Elbv2Settings(String targetGroup, Integer drainSeconds) {
    /** ELBv2's rule for target group names: 1 to 32 letters, digits and '-', not starting or ending with '-'. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");
    static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:targetgroup/[^/]+/[0-9a-f]+");

    static Elbv2Settings of(Map<String, Object> settings) {
        return new Elbv2Settings((String) settings.get("target_group"), (Integer) settings.get("drain_seconds"));
    }

    boolean byArn() {
        return targetGroup.startsWith("arn:");
    }
}
