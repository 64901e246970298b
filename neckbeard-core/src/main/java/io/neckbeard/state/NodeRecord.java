package io.neckbeard.state;

import java.time.Instant;
import java.util.Comparator;
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
    /** Type, then index: web-2 before web-10, whatever order the nodes were launched in. */
    public static final Comparator<NodeRecord> ORDER = Comparator.comparing(NodeRecord::type).thenComparingInt(NodeRecord::index);

    public NodeRecord {
        attributes = Map.copyOf(attributes);
    }

    /** The index of a {@code <type>-<index>} node name (0 for a name of another shape, e.g. hand-edited). */
    public int index() {
        String suffix = name.substring(name.lastIndexOf('-') + 1);
        return suffix.matches("\\d{1,9}") ? Integer.parseInt(suffix) : 0;
    }
}
