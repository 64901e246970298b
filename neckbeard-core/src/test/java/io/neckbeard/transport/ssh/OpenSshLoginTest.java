package io.neckbeard.transport.ssh;

import io.neckbeard.core.ExitCode;
import io.neckbeard.transport.TransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Logging in to OpenSSH's sshd with each kind of key, through a real ssh-agent, with a passphrase. */
class OpenSshLoginTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    static Path serverDir;

    private static OpenSshServer server;

    @TempDir
    Path dir;

    private Process agent;

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

    @AfterEach
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void logsInWithAnEcdsaOrAnRsaKeySigningWithRsaSha2() throws Exception {
        // OpenSSH refuses ssh-rsa (SHA-1) signatures by default: an RSA login proves rsa-sha2.
        for (String type : List.of("ecdsa", "rsa")) {
            Path key = OpenSshServer.keygen(dir.resolve("id_" + type), type);
            server.authorize(key);

            assertThat(echo(new SshTransport("127.0.0.1", settings(key), Map.<String, String>of()::get))).as(type).isEqualTo("in");
        }
    }

    @Test
    void anAgentSocketWithNoAgentBehindItLeavesTheIdentityFile() throws Exception {
        Map<String, String> environment = Map.of("SSH_AUTH_SOCK", dir.resolve("gone.sock").toString());

        assertThat(echo(new SshTransport("127.0.0.1", settings(server.identity()), environment::get))).isEqualTo("in");
    }

    @Test
    void aPassphraseProtectedKeyIsReadWithTheVariablesPassphrase() throws Exception {
        Path key = encryptedKey();

        assertThat(echo(new SshTransport("127.0.0.1", settings(key), Map.of(Passphrases.VARIABLE, PASSPHRASE)::get)))
                .isEqualTo("in");
    }

    @Test
    void aPassphraseProtectedKeyWithoutAgentVariableOrTerminalIsAConfigurationErrorSayingHowToUnlockIt() throws Exception {
        Path key = encryptedKey();
        SshTransport transport = new SshTransport("127.0.0.1", settings(key), Map.<String, String>of()::get);

        assertThatThrownBy(() -> echo(transport)).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains(key.toString()).contains("passphrase");
            assertThat(e.remedy()).contains("ssh-add " + key).contains(Passphrases.VARIABLE);
        });
    }

    @Test
    void aWrongPassphraseIsNamedWithoutShowingIt() throws Exception {
        Path key = encryptedKey();
        SshTransport transport = new SshTransport("127.0.0.1", settings(key), Map.of(Passphrases.VARIABLE, "wrong-guess")::get);

        assertThatThrownBy(() -> echo(transport)).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("passphrase").contains("wrong");
            assertThat(e.getMessage() + e.remedy()).doesNotContain("wrong-guess");
        });
    }

    @Test
    void aPassphraseProtectedKeyHeldByTheAgentSignsThroughTheAgentWithoutItsPassphrase() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")) && Files.isExecutable(Path.of("/usr/bin/ssh-add")),
                "ssh-agent and ssh-add are not installed (apt-get install openssh-client)");
        Path key = OpenSshServer.keygen(dir.resolve("id_agent"), "ed25519");
        server.authorize(key);
        Path socket = startAgent();
        run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", key.toString());
        run(Map.of(), "ssh-keygen", "-q", "-p", "-P", "", "-N", PASSPHRASE, "-f", key.toString());

        assertThat(echo(new SshTransport("127.0.0.1", settings(key), Map.of("SSH_AUTH_SOCK", socket.toString())::get)))
                .isEqualTo("in");
    }

    private Path encryptedKey() throws Exception {
        Path key = OpenSshServer.keygen(dir.resolve("id_locked"), "ed25519");
        server.authorize(key);
        run(Map.of(), "ssh-keygen", "-q", "-p", "-P", "", "-N", PASSPHRASE, "-f", key.toString());
        return key;
    }

    private Path startAgent() throws Exception {
        Path socket = dir.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        for (int i = 0; i < 200 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        assertThat(socket).as("ssh-agent's socket").exists();
        return socket;
    }

    private static void run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private SshSettings settings(Path key) throws Exception {
        Map<String, Object> ssh = new HashMap<>(Map.of("port", server.port(), "identity_file", key.toString(),
                "known_hosts", server.knownHosts().toString()));
        return SshSettings.of(Map.of("ssh", ssh));
    }

    private static String echo(SshTransport transport) {
        try (transport) {
            return transport.run("echo in", Map.of(), TIMEOUT, line -> { }).outputTail();
        }
    }
}
