package io.neckbeard.transport.ssh;

import io.neckbeard.transport.Transport;
import io.neckbeard.transport.TransportContract;
import org.junit.jupiter.api.AfterEach;

/** The shared transport contract, over SSH to an in-process MINA SSHD server. */
class SshTransportContractTest extends TransportContract {
    private MinaSshServer server;

    @Override
    protected Transport open() throws Exception {
        server = new MinaSshServer();
        return new SshTransport("127.0.0.1",
                server.settings(server.writeIdentity(dir.resolve("id")), server.writeKnownHosts(dir.resolve("known_hosts"))));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }
}
