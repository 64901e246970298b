package io.neckbeard.loadbalancer;

import io.neckbeard.provider.Resource;

/** A node as a load balancer sees it; {@code port} 0 when the node has none of its own. */
public record Target(String node, String resourceId, String address, int port) {

    /** The node's resource as a target: its address and its port ({@link Resource#port()}), when it has one. */
    public static Target of(String node, Resource resource) {
        Integer port = resource.port();
        return new Target(node, resource.id(), resource.address(), port == null ? 0 : port);
    }
}
