package io.neckbeard.coordinator;

class InMemoryCoordinatorBackendTest extends CoordinatorBackendContract {
    @Override
    protected CoordinatorBackend createBackend() {
        return new InMemoryCoordinatorBackend();
    }

    /** Nothing is encoded in memory; what this proves is that the state lives in the store, not in one instance. */
    @Override
    protected CoordinatorBackend reopenBackend() {
        return ((InMemoryCoordinatorBackend) backend).reopened();
    }
}
