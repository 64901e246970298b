package io.neckbeard.transport.ssh;

import io.neckbeard.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session's keepalives (every 15 s in production; every 100 ms here): sent while it is open, and a silent server is dropped. */
class SshKeepaliveTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private MinaSshServer server;
    private SshTransport transport;

    @BeforeEach
    void start() throws Exception {
        server = new MinaSshServer();
        transport = new SshTransport("127.0.0.1", server.settings(server.writeIdentity(dir.resolve("id")),
                server.writeKnownHosts(dir.resolve("known_hosts"))), Map.<String, String>of()::get, HEARTBEAT);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        server.close();
    }

    @Test
    void anIdleSessionSendsKeepalivesToTheServer() throws Exception {
        transport.connect();

        for (int i = 0; i < 400 && server.keepalives() < 3; i++) {
            Thread.sleep(50);
        }
        assertThat(server.keepalives()).as("keepalives the server received").isGreaterThanOrEqualTo(3);
    }

    /** Without keepalives the command would simply finish after 30 s: its failure is the dead session noticed. */
    @Test
    void aServerThatStopsAnsweringKeepalivesIsDroppedAndTheCommandOnItFails() {
        transport.connect();
        server.stopAnsweringKeepalives();

        assertThatThrownBy(() -> transport.run("sleep 30", Map.of(), Duration.ofMinutes(2), line -> { }))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("127.0.0.1:" + server.port())
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("ended before the command did", "lost the SSH connection"));
        assertThat(server.keepalives()).isGreaterThanOrEqualTo(4);
    }
}
