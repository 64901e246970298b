package io.neckbeard.provider;

/** What a provider's resources are to the engine; see docs/plugins.md. */
public enum ResourceKind {
    /**
     * A machine neckbeard logs into (local, static, ec2): it gets a transport, the provisioner,
     * the Stack and its load balancer.
     */
    HOST,
    /**
     * A service the cloud runs (rds): only launched, health-checked through its provider,
     * recorded with its endpoint and terminated; never logged into.
     */
    MANAGED
}
