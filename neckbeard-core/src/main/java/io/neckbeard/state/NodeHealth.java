package io.neckbeard.state;

import java.time.Instant;

/** The last health observation of a node. */
public record NodeHealth(boolean healthy, Instant checkedAt, String detail) {
}
