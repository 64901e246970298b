package io.neckbeard.engine;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.coordinator.InMemoryCoordinatorBackend;

/** {@code in-memory}: a fresh {@link InMemoryCoordinatorBackend} per coordinator opened. Registered by {@link EngineFixture}'s plugin JAR. */
public final class InMemoryCoordinatorFactory implements CoordinatorBackendFactory {
    @Override
    public String type() {
        return "in-memory";
    }

    @Override
    public CoordinatorBackend create(CoordinatorContext context) {
        return new InMemoryCoordinatorBackend();
    }
}
