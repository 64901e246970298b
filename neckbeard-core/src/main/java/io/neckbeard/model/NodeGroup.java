package io.neckbeard.model;

/**
 * An environment's {@code nodes.<type>} entry after its extends chain is merged.
 *
 * @param maxCount the upper bound {@code scale} may set, or null for none
 * @param size     the size this environment picks for the type (falls back to the type's own)
 */
public record NodeGroup(String type, int count, int minPerAz, Integer maxCount, String size) {
}
