package io.neckbeard.transport.ssh;

import io.neckbeard.transport.Transport;
import io.neckbeard.transport.TransportContract;
import io.neckbeard.transport.TransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** MINA's test server drops a command's output when it closes on the command's exit; sshd sends it. */
    @Test
    void anUploadTheHostRefusesEarlyReportsTheHostsOutput() throws Exception {
        Path big = Files.write(dir.resolve("big.bin"), new byte[16 * 1024 * 1024]);
        Path inTheWay = Files.writeString(dir.resolve("in-the-way"), "a file, not a directory");

        try (Transport transport = open()) {
            assertThatThrownBy(() -> transport.upload(big, inTheWay.resolve("sub/big.bin").toString()))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("mkdir").hasMessageContaining("Not a directory");
        }
    }

    /** Like ssh itself and neckbeard run: the words form one command line for the node's shell. */
    @Test
    void theSshCommandsRemoteWordsAreOneCommandLineForTheNodesShell() throws Exception {
        List<String> command = new SshTransport("127.0.0.1", server.settings())
                .sshCommand(List.of("printf '%s|' one; printf '%s|'", "two"));

        assertThat(runClient(command)).isEqualTo("one|two|");
    }

    @Test
    void theSshCommandNeverReadsTheHostAsAnOption() throws Exception {
        Path marker = dir.resolve("proxy-ran");
        List<String> command = new SshTransport("-oProxyCommand=touch " + marker, server.settings()).sshCommand(List.of("true"));

        runClient(command);

        assertThat(marker).doesNotExist();
    }

    /**
     * The user's ssh config still applies to {@code neckbeard ssh} (here through {@code -F}, read as
     * {@code ~/.ssh/config} would be), but the host, port, user, key and known_hosts on the command line win.
     */
    @Test
    void theSshCommandsOwnSettingsWinOverTheUsersSshConfig() throws Exception {
        Path config = Files.copy(Path.of(getClass().getResource("/ssh/hostile_config").toURI()), dir.resolve("config"));
        List<String> command = new ArrayList<>(new SshTransport("127.0.0.1", server.settings()).sshCommand(List.of("echo in")));
        command.addAll(1, List.of("-F", config.toString()));

        assertThat(runClient(command)).isEqualTo("in\n");
    }

    private static String runClient(List<String> command) throws Exception {
        Process ssh = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ssh.waitFor();
        return out;
    }

    @Override
    protected Transport open() throws Exception {
        return new SshTransport("127.0.0.1", server.settings());
    }
}
