package io.neckbeard.engine;

/** A node type in one availability zone: the unit the HA floor ({@code min_per_az}) applies to. */
public record Placement(String type, String az) {
}
