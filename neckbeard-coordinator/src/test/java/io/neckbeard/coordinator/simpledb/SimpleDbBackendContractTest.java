package io.neckbeard.coordinator.simpledb;

import com.amazonaws.services.simpledb.model.CreateDomainRequest;
import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendContract;

/** The shared contract on {@link InMemorySimpleDb}: what was written is read back through a second backend over the same domain. */
class SimpleDbBackendContractTest extends CoordinatorBackendContract {
    private final InMemorySimpleDb sdb = new InMemorySimpleDb();

    @Override
    protected CoordinatorBackend createBackend() {
        sdb.createDomain(new CreateDomainRequest("neckbeard"));
        return new SimpleDbBackend(sdb, "neckbeard", "us-east-1", null);
    }

    @Override
    protected CoordinatorBackend reopenBackend() {
        return new SimpleDbBackend(sdb, "neckbeard", "us-east-1", null);
    }
}
