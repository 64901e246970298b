package io.neckbeard.transport.ssh;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport logs in with the node's {@code ssh:} settings only: the user's {@code ~/.ssh/config} is never read. */
class SshUserConfigTest {
    @TempDir
    Path dir;

    private MinaSshServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MinaSshServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aUsersSshConfigThatWouldBreakTheLoginIsIgnored() throws Exception {
        SshSettings settings = server.settings(server.writeIdentity(dir.resolve("id")), server.writeKnownHosts(dir.resolve("known_hosts")));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.copy(Path.of(getClass().getResource("/ssh/hostile_config").toURI()),
                Files.createDirectories(home.resolve(".ssh")).resolve("config"));
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString()); // where JSch's ~ (OpenSSHConfig.parseFile("~/.ssh/config")) points
        try (SshTransport transport = new SshTransport("127.0.0.1", settings)) {
            assertThat(transport.run("echo in", Map.of(), Duration.ofSeconds(20), line -> { }).outputTail()).isEqualTo("in");
        } finally {
            System.setProperty("user.home", realHome);
        }
    }
}
