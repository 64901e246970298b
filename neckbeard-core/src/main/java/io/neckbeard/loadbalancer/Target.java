package io.neckbeard.loadbalancer;

import java.util.Map;

/** A node as a load balancer sees it; {@code port} 0 when the node has none of its own. */
public record Target(String node, String resourceId, String address, int port) {

    /** From a resource's (or node record's) attributes: the {@code port} attribute, when there is one. */
    public static Target of(String node, String resourceId, String address, Map<String, String> attributes) {
        String port = attributes.get("port");
        try {
            return new Target(node, resourceId, address, port == null ? 0 : Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new LoadBalancerException("node " + node + " records port '" + port + "', which is not a number",
                    "correct the node with 'neckbeard node forget' and 'neckbeard node adopt', or re-run 'neckbeard up'", e);
        }
    }
}
