package io.neckbeard.loadbalancer;

import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.plugin.RunScope;

import java.nio.file.Path;

/**
 * What a load balancer is created with: the project, the app, its {@code load_balancers.<name>}
 * entry, the AWS region (may be null), and the run's {@link RunScope} (the clients it shares
 * with the run's providers, the API call count).
 */
public record LoadBalancerContext(Path projectRoot, String app, LoadBalancerSpec spec, String region, RunScope run) {

    /** A context with a run scope of its own (tests, and a load balancer used outside a command run). */
    public LoadBalancerContext(Path projectRoot, String app, LoadBalancerSpec spec, String region) {
        this(projectRoot, app, spec, region, new RunScope());
    }
}
