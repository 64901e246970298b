package io.neckbeard.loadbalancer;

/** A node as a load balancer sees it. */
public record Target(String node, String resourceId, String address, int port) {
}
