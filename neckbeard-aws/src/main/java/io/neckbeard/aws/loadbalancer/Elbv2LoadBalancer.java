package io.neckbeard.aws.loadbalancer;

import io.neckbeard.aws.Lazy;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code type: elbv2}. Names no AWS SDK type: the SDK code lives in {@link TargetGroup}, built on
 * the first call, so a command that creates the balancer but never uses it loads no SDK class.
 * Every call covers all the targets it is given (the engine passes one node type's nodes at once).
 */
final class Elbv2LoadBalancer implements LoadBalancer {
    private final Lazy<TargetGroup> group;

    Elbv2LoadBalancer(Supplier<TargetGroup> connect) {
        this.group = new Lazy<>(connect);
    }

    private TargetGroup group() {
        return group.get();
    }

    @Override
    public void register(List<Target> targets) {
        if (!targets.isEmpty()) {
            group().register(targets);
        }
    }

    @Override
    public void deregister(List<Target> targets) {
        if (!targets.isEmpty()) {
            group().deregister(targets);
        }
    }

    @Override
    public Map<String, TargetHealth> health(List<Target> targets) {
        return targets.isEmpty() ? Map.of() : group().health(targets);
    }
}
