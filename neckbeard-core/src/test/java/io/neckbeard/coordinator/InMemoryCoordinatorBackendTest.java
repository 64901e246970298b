package io.neckbeard.coordinator;

class InMemoryCoordinatorBackendTest extends CoordinatorBackendContract {
    @Override
    protected CoordinatorBackend createBackend() {
        return new InMemoryCoordinatorBackend();
    }
}
