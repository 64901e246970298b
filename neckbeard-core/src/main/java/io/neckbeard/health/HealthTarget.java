package io.neckbeard.health;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.transport.Transport;

/**
 * The node a health check looks at.
 *
 * @param port the node's own port (the local provider's {@code PORT}), or null; a check with no
 *             {@code port:} setting uses it
 */
public record HealthTarget(String node, String address, Integer port, Resource resource,
                           ResourceProvider provider, Transport transport) {
}
