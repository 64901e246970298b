package io.neckbeard.config.merge;

import io.neckbeard.model.Origin;

/**
 * Where a leaf of a merged tree was set: its origin and its key path inside that file
 * ({@code node_types.app.params.ec2.image_id}), for problems about it.
 */
public record LeafSource(Origin origin, String sourcePath) {
}
