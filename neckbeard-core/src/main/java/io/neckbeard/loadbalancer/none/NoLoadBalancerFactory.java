package io.neckbeard.loadbalancer.none;

import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code none}: no balancer in front of the nodes; traffic reaches them directly (local nodes,
 * DNS round robin, a proxy managed elsewhere). Registering does nothing and every target reads
 * {@code HEALTHY}, so the engine's own health checks are the only gate.
 */
public final class NoLoadBalancerFactory implements LoadBalancerFactory {
    @Override
    public String type() {
        return "none";
    }

    /** {@code none} takes no settings: any key is a mistake (perhaps meant for another type). */
    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        return PluginSettings.unknownKeys(settings, List.of(), "none load balancer");
    }

    @Override
    public LoadBalancer create(LoadBalancerContext context) {
        return new LoadBalancer() {
            @Override
            public void register(List<Target> targets) {
                // nothing routes traffic, so there is nothing to tell
            }

            @Override
            public void deregister(List<Target> targets) {
                // likewise: nothing to drain
            }

            @Override
            public Map<String, TargetHealth> health(List<Target> targets) {
                Map<String, TargetHealth> health = new LinkedHashMap<>();
                targets.forEach(t -> health.put(t.node(), TargetHealth.HEALTHY));
                return health;
            }
        };
    }
}
