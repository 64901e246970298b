package io.neckbeard.config.read;

/**
 * One environment file's {@code nodes.<type>} entry as written; a null field is not set there
 * and is inherited along the extends chain.
 */
public record NodeEntry(Integer count, Integer minPerAz, Integer maxCount, String size) {
}
