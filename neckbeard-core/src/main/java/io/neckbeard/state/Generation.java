package io.neckbeard.state;

import java.time.Instant;
import java.util.List;

/**
 * A numbered, complete set of an environment's nodes.
 *
 * @param slug         digest of the slug it runs, or null before the first deploy
 * @param configDigest digest of the redacted parameter trees it was built from, or null
 */
public record Generation(long id, GenerationState state, Instant createdAt, String slug, String configDigest,
                         List<NodeRecord> nodes) {
    public Generation {
        nodes = List.copyOf(nodes);
    }
}
