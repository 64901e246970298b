package io.neckbeard.loadbalancer;

import java.util.List;
import java.util.Map;

/** Puts nodes into and takes them out of service. */
public interface LoadBalancer {
    void register(List<Target> targets);

    /** Deregisters and waits for the configured drain time. */
    void deregister(List<Target> targets);

    /**
     * The balancer's view of each target, by node name; called once per poll for all the targets
     * of a node type while the engine waits for them to serve.
     *
     * @throws LoadBalancerException when the balancer has found a target failing its own health
     *                               check ({@link TargetHealth#UNHEALTHY}), naming the reason it gives:
     *                               that fails the node at once rather than when the wait times out
     */
    Map<String, TargetHealth> health(List<Target> targets);
}
