package io.neckbeard.loadbalancer;

import io.neckbeard.model.LoadBalancerSpec;

import java.nio.file.Path;

/**
 * What a load balancer is created with: the project, the app, its {@code load_balancers.<name>}
 * entry, the AWS region (may be null).
 */
public record LoadBalancerContext(Path projectRoot, String app, LoadBalancerSpec spec, String region) {
}
