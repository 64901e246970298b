package io.neckbeard.transport.ssh;

import io.neckbeard.config.RuntimeValues;
import io.neckbeard.config.interpolate.RuntimeInterpolator;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only the SSH transport does: one session, host keys, keys, connection errors. */
class SshTransportTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

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

    /** The transport logs in with the node's {@code ssh:} settings only: the user's {@code ~/.ssh/config} is never read. */
    @Test
    void aUsersSshConfigThatWouldBreakTheLoginIsIgnored() throws Exception {
        SshSettings settings = server.settings(server.writeIdentity(dir.resolve("id")), server.writeKnownHosts(dir.resolve("known_hosts")));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.copy(Path.of(getClass().getResource("/ssh/hostile_config").toURI()),
                Files.createDirectories(home.resolve(".ssh")).resolve("config"));
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString()); // where JSch's ~ (OpenSSHConfig.parseFile("~/.ssh/config")) points
        try (SshTransport transport = new SshTransport("127.0.0.1", settings)) {
            assertThat(transport.run("echo in", Map.of(), TIMEOUT, line -> { }).outputTail()).isEqualTo("in");
        } finally {
            System.setProperty("user.home", realHome);
        }
    }

    @Test
    void reusesOneSessionForEveryCommandAndClosesItOnClose() throws Exception {
        SshTransport transport = new SshTransport("127.0.0.1",
                server.settings(server.writeIdentity(dir.resolve("id")), server.writeKnownHosts(dir.resolve("known_hosts"))));

        transport.run("true", Map.of(), TIMEOUT, line -> { });
        transport.write(dir.resolve("f").toString(), new byte[]{1}, 0600);
        transport.run("true", Map.of(), TIMEOUT, line -> { });
        assertThat(server.activeSessions()).isEqualTo(1);

        transport.close();
        for (int i = 0; i < 100 && server.activeSessions() > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(server.activeSessions()).isZero();
    }

    @Test
    void theSshCommandPutsTheHostAfterDoubleDashAndTheRemoteWordsAfterIt() {
        SshTransport transport = new SshTransport("-oProxyCommand=x", SshSettings.of(Map.of("ssh", Map.of("user", "deploy"))));

        assertThat(transport.sshCommand(List.of("tail -f log | grep", "x"))).endsWith("--", "-oProxyCommand=x", "tail -f log | grep", "x");
        assertThat(transport.sshCommand(List.of())).endsWith("--", "-oProxyCommand=x");
    }

    /** A port written as {@code "${env:SSH_PORT}"} arrives resolved as text. */
    @Test
    void aPortResolvedFromTheEnvironmentAsDigitsIsAPortAndOtherTextIsRefused() {
        assertThat(SshSettings.of(Map.of("ssh", Map.of("port", "2222"))).port()).isEqualTo(2222);
        assertThatThrownBy(() -> SshSettings.of(Map.of("ssh", Map.of("port", "22a"))))
                .hasMessageContaining("ssh.port must be a port number");
        assertThatThrownBy(() -> SshSettings.of(Map.of("ssh", Map.of("port", 70000))))
                .hasMessageContaining("ssh.port must be a port number");
    }

    @Test
    void aBastionIsUserAtHostWithAnOptionalPortAndTheNodesUserByDefault() {
        assertThat(SshSettings.of(Map.of("ssh", Map.of("bastion", "jump@bastion.example.com:2222"))).bastion())
                .isEqualTo(new Bastion("jump", "bastion.example.com", 2222));
        assertThat(SshSettings.of(Map.of("ssh", Map.of("user", "deploy", "bastion", "10.0.0.1"))).bastion())
                .isEqualTo(new Bastion("deploy", "10.0.0.1", 22));
        assertThat(SshSettings.of(Map.of("ssh", Map.of("bastion", "j@[fd00::1]:22"))).bastion().toString()).isEqualTo("j@[fd00::1]:22");
        for (String wrong : List.of("j@host:70000", "j@-oProxyCommand=x", "j@host:port", "")) {
            assertThatThrownBy(() -> SshSettings.of(Map.of("ssh", Map.of("bastion", wrong)))).as(wrong)
                    .hasMessageContaining("ssh.bastion must be user@host");
        }
    }

    @Test
    void aBastionReadFromTheEnvironmentIsNamedByItsVariable() {
        ResolvedParams params = resolvedFromEnvironment(Map.of("bastion", "${env:BASTION}"), Map.of("BASTION", "hunter2@jump.internal:2200"));
        SshSettings settings = SshSettings.of(params);

        assertThat(settings.bastion().host()).isEqualTo("jump.internal");
        assertThat(settings.toString()).contains("${env:BASTION}").doesNotContain("hunter2").doesNotContain("jump.internal");
        assertThat(settings.mask("cannot connect to the bastion " + settings.bastion())).doesNotContain("hunter2");
    }

    @Test
    void theSshCommandReachesABastionWithTheSameKeyAndHostKeyRules() {
        SshTransport transport = new SshTransport("10.0.0.5", SshSettings.of(Map.of("ssh", Map.of("user", "deploy",
                "identity_file", "/keys/id 1", "known_hosts", "/kh", "bastion", "jump@bastion:2222"))));

        assertThat(transport.sshCommand(List.of())).contains("ProxyCommand='ssh' '-p' '2222' '-l' 'jump' '-i' '/keys/id 1' "
                + "'-o' 'StrictHostKeyChecking=yes' '-o' 'UserKnownHostsFile=/kh' '-o' 'ConnectTimeout=10' '-o' 'HostName=bastion' '-W' [%h]:%p '--' 'bastion'").endsWith("--", "10.0.0.5");
    }

    @Test
    void describesItselfAsUserAtHostAndPort() throws Exception {
        SshTransport transport = new SshTransport("127.0.0.1", SshSettings.of(Map.of("ssh", Map.of("user", "deploy", "port", 2222))));

        assertThat(transport.describe()).isEqualTo("deploy@127.0.0.1:2222");
    }

    @Test
    void refusesAnUnknownHostKeyNamingTheHostTheFingerprintAndTheFix() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        SshTransport transport = new SshTransport("127.0.0.1", server.settings(server.writeIdentity(dir.resolve("id")), knownHosts));

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + server.port()).contains("unknown").contains("SHA256:");
                    assertThat(e.remedy()).contains("ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + knownHosts);
                });
        assertThat(knownHosts).isEmptyFile();
        transport.close();
    }

    @Test
    void refusesAChangedHostKey() throws Exception {
        Path knownHosts = server.writeKnownHosts(MinaSshServer.generate("ssh-ed25519", 256), dir.resolve("known_hosts"));
        SshTransport transport = new SshTransport("127.0.0.1", server.settings(server.writeIdentity(dir.resolve("id")), knownHosts));

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + server.port()).contains("CHANGED").contains("SHA256:");
                    assertThat(e.remedy()).contains("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'");
                });
        transport.close();
    }

    @Test
    void acceptNewTrustsAnUnknownHostOnceAndRecordsItsKey() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        SshSettings settings = SshSettings.of(Map.of("ssh", Map.of("port", server.port(),
                "identity_file", server.writeIdentity(dir.resolve("id")).toString(), "known_hosts", knownHosts.toString(),
                "host_key_checking", "accept-new")));

        try (SshTransport transport = new SshTransport("127.0.0.1", settings)) {
            assertThat(transport.run("echo in", Map.of(), TIMEOUT, line -> { }).outputTail()).isEqualTo("in");
        }

        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + server.port());
    }

    /** A roll opens many new hosts at once: each one's key is appended, none lost to another's write. */
    @Test
    void acceptNewRecordsEveryHostOfAParallelRollAndKeepsWhatTheFileHeld() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "# kept, even without a newline at its end");
        Path identity = server.writeIdentity(dir.resolve("id"));
        List<MinaSshServer> servers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                servers.add(new MinaSshServer(server));
            }
            List<Thread> threads = servers.stream().map(each -> new Thread(() -> {
                try (SshTransport transport = new SshTransport("127.0.0.1", SshSettings.of(Map.of("ssh", Map.of("port", each.port(),
                        "identity_file", identity.toString(), "known_hosts", knownHosts.toString(), "host_key_checking", "accept-new"))))) {
                    transport.run("true", Map.of(), TIMEOUT, line -> { });
                }
            })).toList();
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }

            List<String> lines = Files.readAllLines(knownHosts);
            assertThat(lines).first().isEqualTo("# kept, even without a newline at its end");
            for (MinaSshServer each : servers) {
                assertThat(lines).anyMatch(line -> line.startsWith("[127.0.0.1]:" + each.port() + " ssh-ed25519 "));
            }
        } finally {
            for (MinaSshServer each : servers) {
                each.close();
            }
        }
    }

    @Test
    void acceptNewStillRefusesAChangedHostKeyAndLeavesKnownHostsAlone() throws Exception {
        Path knownHosts = server.writeKnownHosts(MinaSshServer.generate("ssh-ed25519", 256), dir.resolve("known_hosts"));
        String before = Files.readString(knownHosts);
        SshSettings settings = SshSettings.of(Map.of("ssh", Map.of("port", server.port(),
                "identity_file", server.writeIdentity(dir.resolve("id")).toString(), "known_hosts", knownHosts.toString(),
                "host_key_checking", "accept-new")));
        SshTransport transport = new SshTransport("127.0.0.1", settings);

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("CHANGED");
                });
        assertThat(knownHosts).hasContent(before.strip());
        transport.close();
    }

    @Test
    void refusesAKeyTheServerDoesNotKnowAsALoginFailure() throws Exception {
        Path wrongKey = MinaSshServer.writeIdentity(MinaSshServer.generate("ssh-rsa", 2048), dir.resolve("id_rsa"));
        SshTransport transport = new SshTransport("127.0.0.1", server.settings(wrongKey, server.writeKnownHosts(dir.resolve("kh"))));

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).startsWith("cannot log in to ").contains("127.0.0.1:" + server.port()).contains(wrongKey.toString());
                    assertThat(e.remedy()).contains("authorized_keys");
                });
        transport.close();
    }

    /** A port nothing listens on (a port just freed). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private SshTransport transportTo(int port) throws Exception {
        return new SshTransport("127.0.0.1", SshSettings.of(Map.of("ssh", Map.of("port", port,
                "identity_file", server.writeIdentity(dir.resolve("id")).toString(), "known_hosts", dir.resolve("kh").toString()))));
    }

    @Test
    void anUnreachablePortIsAClearConnectionError() throws Exception {
        int closed = closedPort();
        SshTransport transport = transportTo(closed);

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("cannot connect to " + System.getProperty("user.name") + "@127.0.0.1:" + closed);
        transport.close();
    }

    @Test
    void connectLogsInRightAwaySoAnUnreachableHostFailsBeforeAnyCommand() throws Exception {
        int closed = closedPort();
        SshTransport transport = transportTo(closed);

        assertThatThrownBy(transport::connect)
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("cannot connect to " + System.getProperty("user.name") + "@127.0.0.1:" + closed);
        transport.close();
    }

    @Test
    void aMissingIdentityFileIsAConfigurationError() {
        SshTransport transport = new SshTransport("127.0.0.1", SshSettings.of(Map.of("ssh", Map.of("port", server.port(),
                "identity_file", dir.resolve("nope").toString()))));

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains(dir.resolve("nope").toString()).contains("ssh.identity_file");
                });
        transport.close();
    }

    /** The tree of a node whose {@code ssh:} settings are written as {@code ${env:VAR}}, resolved with {@code variables}. */
    private static ResolvedParams resolvedFromEnvironment(Map<String, Object> ssh, Map<String, String> variables) {
        return RuntimeInterpolator.resolve(new ParamTree(Map.of("ssh", ssh), Map.of()), new RuntimeValues(1, Map.of(), variables::get));
    }

    @Test
    void aPortReadFromTheEnvironmentThatIsNotAPortIsNamedByItsVariableNeverItsValue() {
        ResolvedParams params = resolvedFromEnvironment(Map.of("port", "${env:SSH_PORT}"), Map.of("SSH_PORT", "hunter2-secret"));

        assertThatThrownBy(() -> SshSettings.of(params))
                .hasMessageContaining("ssh.port must be a port number").hasMessageContaining("${env:SSH_PORT}")
                .satisfies(e -> assertThat(e.getMessage() + ((NeckbeardException) e).remedy()).doesNotContain("hunter2"));
    }

    @Test
    void anIdentityFileReadFromTheEnvironmentIsNamedByItsVariableInTransportErrors() {
        Path secretPath = dir.resolve("hunter2-secret-key");
        ResolvedParams params = resolvedFromEnvironment(Map.of("port", "${env:SSH_PORT}", "identity_file", "${env:KEY_FILE}",
                "user", "${env:SSH_USER}"), Map.of("KEY_FILE", secretPath.toString(), "SSH_PORT", Integer.toString(server.port()),
                "SSH_USER", "hunter3-user"));
        SshTransport transport = new SshTransport("127.0.0.1", SshSettings.of(params));

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.getMessage()).contains("${env:KEY_FILE}").contains("ssh.identity_file");
                    assertThat(e.getMessage() + e.remedy()).doesNotContain("hunter2").doesNotContain("hunter3")
                            .doesNotContain(Integer.toString(server.port()));
                });
        assertThat(transport.describe()).isEqualTo("${env:SSH_USER}@127.0.0.1:${env:SSH_PORT}");
        assertThat(SshSettings.of(params).toString()).doesNotContain("hunter2").doesNotContain("hunter3");
        transport.close();
    }
}
