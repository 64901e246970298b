package io.neckbeard.transport.local;

import io.neckbeard.transport.Transport;
import io.neckbeard.transport.TransportContract;

/** The shared transport contract, on local processes. */
class LocalTransportContractTest extends TransportContract {
    @Override
    protected Transport open() {
        return new LocalTransport(dir, "local:app-1");
    }
}
