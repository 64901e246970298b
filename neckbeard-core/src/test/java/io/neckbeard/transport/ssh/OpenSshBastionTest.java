package io.neckbeard.transport.ssh;

import io.neckbeard.core.ExitCode;
import io.neckbeard.transport.TransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ssh.bastion}: a node reached through another OpenSSH sshd, with the same host key rules for both. */
class OpenSshBastionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path bastionDir;
    @TempDir
    static Path closedDir;
    @TempDir
    static Path nodeDir;

    private static OpenSshServer bastion;
    /** A bastion whose sshd forwards no TCP: the node cannot be reached through it. */
    private static OpenSshServer closed;
    private static OpenSshServer node;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSshds() throws Exception {
        bastion = OpenSshServer.start(bastionDir);
        closed = OpenSshServer.start(closedDir, "AllowTcpForwarding no");
        node = OpenSshServer.start(nodeDir);
        node.authorize(bastion.identity());
        closed.authorize(bastion.identity());
    }

    @AfterAll
    static void stopSshds() throws Exception {
        for (OpenSshServer server : new OpenSshServer[]{bastion, closed, node}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void runsCommandsOnTheNodeThroughTheBastion() throws Exception {
        try (SshTransport transport = new SshTransport("127.0.0.1", settings(bastion, knownHosts(bastion, node)))) {
            assertThat(transport.run("echo \"in $PWD\"", Map.of(), TIMEOUT, line -> { }).outputTail()).startsWith("in /");
        }
    }

    @Test
    void aBastionThatForwardsNothingCannotReachTheNode() throws Exception {
        SshTransport transport = new SshTransport("127.0.0.1", settings(closed, knownHosts(closed, node)));

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOf(TransportException.class).hasMessageStartingWith("cannot connect to ");
        transport.close();
    }

    @Test
    void theBastionsUnknownHostKeyIsRefusedNamingTheBastionAndTheFix() throws Exception {
        SshTransport transport = new SshTransport("127.0.0.1", settings(bastion, knownHosts(node)));

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + bastion.port()).contains("unknown").contains("SHA256:");
                    assertThat(e.remedy()).contains("ssh-keyscan -p " + bastion.port() + " 127.0.0.1");
                });
        transport.close();
    }

    @Test
    void theNodesUnknownHostKeyIsRefusedThroughTheBastionToo() throws Exception {
        SshTransport transport = new SshTransport("127.0.0.1", settings(bastion, knownHosts(bastion)));

        assertThatThrownBy(() -> transport.run("true", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + node.port()).contains("unknown");
                });
        transport.close();
    }

    @Test
    void theSshCommandReachesTheNodeThroughTheBastionWithTheSameHostKeyRules() throws Exception {
        List<String> command = new SshTransport("127.0.0.1", settings(bastion, knownHosts(bastion, node))).sshCommand(List.of("echo in"));
        List<String> refused = new SshTransport("127.0.0.1", settings(bastion, knownHosts(node))).sshCommand(List.of("echo in"));

        assertThat(runClient(command)).isEqualTo("in\n");
        assertThat(runClient(refused)).as("the bastion's key is not in known_hosts").isEmpty();
    }

    private Path knownHosts(OpenSshServer... servers) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (OpenSshServer server : servers) {
            lines.append(server.knownHostsLine());
        }
        return Files.writeString(Files.createTempFile(dir, "known_hosts", ""), lines);
    }

    private static SshSettings settings(OpenSshServer through, Path knownHosts) {
        return SshSettings.of(Map.of("ssh", Map.of("port", node.port(), "identity_file", bastion.identity().toString(),
                "known_hosts", knownHosts.toString(), "bastion", System.getProperty("user.name") + "@127.0.0.1:" + through.port())));
    }

    private static String runClient(List<String> command) throws Exception {
        Process ssh = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ssh.waitFor();
        return out;
    }
}
