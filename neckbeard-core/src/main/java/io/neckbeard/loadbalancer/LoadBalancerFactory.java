package io.neckbeard.loadbalancer;

import io.neckbeard.config.LoadBalancerSpec;
import io.neckbeard.plugin.Typed;
import io.neckbeard.provider.ProviderContext;

/** Registered in {@code META-INF/services}; {@code type()} is {@code load_balancers.<name>.type}. */
public interface LoadBalancerFactory extends Typed {
    LoadBalancer create(LoadBalancerSpec spec, ProviderContext context);
}
