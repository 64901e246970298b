package io.neckbeard.provider;

import java.util.Map;

/**
 * A cloud (or local) resource a provider launched for a node.
 *
 * @param id         provider's id (EC2 instance id, RDS identifier, local node directory name)
 * @param address    how to reach it (IP or host name); may be null while it boots
 * @param state      what the provider says of it now ({@link ResourceState#UNKNOWN} until it was asked)
 * @param tags       the {@code neckbeard:*} tags it was found by
 * @param attributes provider facts the engine and other SPIs may read, e.g. {@code port} for
 *                   the local provider, {@code stack_root} where the Stack puts releases
 */
public record Resource(String id, String provider, String address, ResourceState state,
                       Map<String, String> tags, Map<String, String> attributes) {
    public Resource {
        tags = Map.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }

    public boolean running() {
        return state == ResourceState.RUNNING;
    }

    /**
     * The {@code port} attribute as a number: the node's {@code PORT}, {@code ${node.port}}, its
     * load balancer target's port. The one place it is parsed; null when the resource has none.
     *
     * @throws ProviderException when it is not a port number (a hand-edited record, a provider's bug)
     */
    public Integer port() {
        String port = attributes.get("port");
        if (port == null) {
            return null;
        }
        if (port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535) {
            return Integer.valueOf(port);
        }
        throw new ProviderException("resource " + id + " has port '" + port + "', which is not a port number (1-65535)",
                "correct the node with 'neckbeard node forget' and 'neckbeard node adopt', or re-run 'neckbeard up'");
    }

    public boolean gone() {
        return state == ResourceState.GONE;
    }
}
