package io.neckbeard.aws.loadbalancer;

import io.neckbeard.config.LoadBalancerSpec;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.provider.ProviderContext;

/**
 * {@code type: elbv2}: registered so configurations naming ELBv2 target groups pass {@code check};
 * registering targets arrives with the AWS SDK code.
 */
public final class Elbv2LoadBalancerFactory implements LoadBalancerFactory {

    @Override
    public String type() {
        return "elbv2";
    }

    @Override
    public LoadBalancer create(LoadBalancerSpec spec, ProviderContext context) {
        throw new NeckbeardException(ExitCode.FAILED, "the elbv2 load balancer (" + spec.name()
                + ") is not available in this version of neckbeard", "use load balancer type 'none' to deploy without one");
    }
}
