package io.neckbeard.coordinator;

import io.neckbeard.plugin.Typed;

/** Registered in {@code META-INF/services}; {@code type()} is {@code coordinator.type}. */
public interface CoordinatorBackendFactory extends Typed {
    CoordinatorBackend create(CoordinatorContext context);
}
