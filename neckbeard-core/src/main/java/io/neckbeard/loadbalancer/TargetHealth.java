package io.neckbeard.loadbalancer;

/** A target's state in its load balancer. */
public enum TargetHealth {
    /** Registered and receiving traffic. */
    HEALTHY,
    /** Registered, health checks not yet passed. */
    INITIAL,
    /** Registered and failing the balancer's checks. */
    UNHEALTHY,
    /** Being deregistered. */
    DRAINING,
    /** Not registered. */
    UNUSED
}
