package io.neckbeard.state;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * What the coordinator remembers of one node of a generation.
 *
 * @param resourceId        the provider's id, or null until launched
 * @param provisionedSlug   digest of the slug last deployed to it, or null
 * @param provisionedConfig digest of the (redacted) parameter tree it was last provisioned with (a managed node: last
 *                          launched or updated with), or null
 * @param lastHealth        last health observation, or null
 * @param operational       whether it is in service (in its load balancer, serving)
 * @param attributes        provider facts worth keeping (local provider: {@code port})
 * @param port              the port it serves on (its {@code port} attribute, else its health check's port), or null
 * @param url               {@code http://<address>:<port>/} when it serves HTTP (it has a port, and an {@code http}
 *                          health check or a {@code web} process), else null
 */
public record NodeRecord(String name, String type, String az, String provider, String resourceId, String address,
                         Instant launchedAt, String provisionedSlug, String provisionedConfig,
                         NodeHealth lastHealth, boolean operational, Map<String, String> attributes,
                         Integer port, String url) {
    /** Type, then index: web-2 before web-10, whatever order the nodes were launched in. */
    public static final Comparator<NodeRecord> ORDER = Comparator.comparing(NodeRecord::type).thenComparingInt(NodeRecord::index);

    /** A port left out (a record written before records kept one) is the {@code port} attribute's, when it is a number. */
    public NodeRecord {
        attributes = Map.copyOf(attributes);
        if (port == null && attributes.getOrDefault("port", "").matches("\\d{1,5}")) {
            port = Integer.valueOf(attributes.get("port"));
        }
    }

    /** A record whose endpoint is its address and {@code port} attribute, without a URL (e.g. an adopted node). */
    public NodeRecord(String name, String type, String az, String provider, String resourceId, String address,
                      Instant launchedAt, String provisionedSlug, String provisionedConfig,
                      NodeHealth lastHealth, boolean operational, Map<String, String> attributes) {
        this(name, type, az, provider, resourceId, address, launchedAt, provisionedSlug, provisionedConfig, lastHealth,
                operational, attributes, null, null);
    }

    /** The index of a {@code <type>-<index>} node name (0 for a name of another shape, e.g. hand-edited). */
    public int index() {
        String suffix = name.substring(name.lastIndexOf('-') + 1);
        return suffix.matches("\\d{1,9}") ? Integer.parseInt(suffix) : 0;
    }
}
