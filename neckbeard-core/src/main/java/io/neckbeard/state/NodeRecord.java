package io.neckbeard.state;

import java.time.Instant;
import java.util.Map;

/**
 * What the coordinator remembers of one node of a generation.
 *
 * @param resourceId        the provider's id, or null until launched
 * @param provisionedSlug   digest of the slug last deployed to it, or null
 * @param provisionedConfig digest of the (redacted) parameter tree it was last provisioned with, or null
 * @param lastHealth        last health observation, or null
 * @param operational       whether it is in service (in its load balancer, serving)
 * @param attributes        provider facts worth keeping (local provider: {@code port})
 */
public record NodeRecord(String name, String type, String az, String provider, String resourceId, String address,
                         Instant launchedAt, String provisionedSlug, String provisionedConfig,
                         NodeHealth lastHealth, boolean operational, Map<String, String> attributes) {
    public NodeRecord {
        attributes = Map.copyOf(attributes);
    }
}
