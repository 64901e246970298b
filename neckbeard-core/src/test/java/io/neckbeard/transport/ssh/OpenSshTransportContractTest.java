package io.neckbeard.transport.ssh;

import io.neckbeard.transport.Transport;
import io.neckbeard.transport.TransportContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The shared transport contract, over SSH to OpenSSH's sshd on 127.0.0.1 (skipped without sshd, see {@link OpenSshServer}). */
class OpenSshTransportContractTest extends TransportContract {
    @TempDir
    static Path serverDir;

    private static OpenSshServer server;

    @BeforeAll
    static void startSshd() throws Exception {
        server = OpenSshServer.start(serverDir);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Transport open() throws Exception {
        return new SshTransport("127.0.0.1", server.settings());
    }
}
