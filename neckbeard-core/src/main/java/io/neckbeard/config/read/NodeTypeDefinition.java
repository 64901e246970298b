package io.neckbeard.config.read;

import io.neckbeard.model.NodeTypeSpec;

import java.util.Map;

/** A {@code node_types:} entry: its spec and its own {@code params} layer. */
public record NodeTypeDefinition(NodeTypeSpec spec, Map<String, Object> params) {
}
