package io.neckbeard.loadbalancer;

import java.util.List;
import java.util.Map;

/** Puts nodes into and takes them out of service. */
public interface LoadBalancer {
    void register(List<Target> targets);

    /** Deregisters and waits for the configured drain time. */
    void deregister(List<Target> targets);

    /** The balancer's view of each target, by node name. */
    Map<String, TargetHealth> health(List<Target> targets);
}
