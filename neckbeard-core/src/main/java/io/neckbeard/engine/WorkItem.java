package io.neckbeard.engine;

/**
 * A node the rollout works on, as the wave scheduler sees it.
 *
 * @param serving whether the node is operational now, so working on it takes it out of service
 */
public record WorkItem(String node, Placement placement, boolean serving) {
}
