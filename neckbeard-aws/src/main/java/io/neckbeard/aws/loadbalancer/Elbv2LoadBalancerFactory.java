package io.neckbeard.aws.loadbalancer;

import io.neckbeard.config.LoadBalancerSpec;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;
import io.neckbeard.provider.ParamProblem;
import io.neckbeard.provider.ProviderContext;

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

    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        return PluginSettings.unknownKeys(settings, SETTINGS, "elbv2 load balancer");
    }

    @Override
    public LoadBalancer create(LoadBalancerSpec spec, ProviderContext context) {
        throw new NeckbeardException(ExitCode.FAILED, "the elbv2 load balancer (" + spec.name()
                + ") is not available in this version of neckbeard", "use load balancer type 'none' to deploy without one");
    }
}
