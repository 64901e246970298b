package io.neckbeard.local;

import java.time.Instant;
import java.util.Map;

/**
 * The {@code node.json} of a local node: what it was launched as. Its presence makes the node
 * exist; its port is reserved as long as it does.
 */
public record LocalNode(String app, String environment, long generation, String node, Map<String, String> tags,
                        String clientToken, int port, Instant createdAt) {
    public LocalNode {
        tags = Map.copyOf(tags);
    }

    /** The node directory's name under {@code .neckbeard/local/<env>/}. */
    public static String dirName(long generation, String node) {
        return "g" + generation + "-" + node;
    }
}
