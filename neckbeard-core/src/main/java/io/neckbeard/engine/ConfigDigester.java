package io.neckbeard.engine;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.Resource;

/** The config digest of a launched node (its redacted parameters resolved against its resource). */
@FunctionalInterface
public interface ConfigDigester {
    String digest(NodeSpec node, Resource resource);
}
