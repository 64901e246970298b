package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.transport.ssh.MinaSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ssh ENV NODE}: the system ssh to a static node, with its settings and strict host key checking. */
class SshCommandTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    private MinaSshServer server;

    @BeforeEach
    void deployToAStaticHost() throws Exception {
        server = new MinaSshServer();
        int appPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            appPort = socket.getLocalPort();
        }
        StaticProviderTest.writeStaticProject(project.root(), server, appPort);
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void printsTheSshCommandWithTheNodesSettingsAndStrictHostKeyChecking() {
        Path keys = project.root().resolve("keys");

        Cli.Run print = project.run("ssh", "dev", "web-1", "--print");

        assertThat(print.exit()).as(print.err()).isZero();
        assertThat(print.out().strip()).isEqualTo("ssh -p " + server.port() + " -l " + System.getProperty("user.name")
                + " -i " + keys.resolve("id_ed25519") + " -o StrictHostKeyChecking=yes -o UserKnownHostsFile="
                + keys.resolve("known_hosts") + " -o ConnectTimeout=10 -o HostName=127.0.0.1 -- 127.0.0.1");
    }

    /** ssh: settings are resolved for the node like every other parameter, runtime references included. */
    @Test
    void sshSettingsMayUseRuntimeReferences() throws Exception {
        Path config = project.root().resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config).replace("ssh: {port:", "ssh: {user: \"deploy-g${generation}\", port:"));

        Cli.Run print = project.run("ssh", "dev", "web-1", "--print");

        assertThat(print.exit()).as(print.err()).isZero();
        assertThat(print.out()).contains(" -l deploy-g1 ");
    }

    @Test
    void jsonOutputGivesTheCommandAsAList() {
        JsonNode json = project.run("-o", "json", "ssh", "dev", "web-1").json();

        assertThat(json.get("node").asText()).isEqualTo("web-1");
        List<String> command = new ArrayList<>();
        json.get("command").forEach(word -> command.add(word.asText()));
        assertThat(command).startsWith("ssh", "-p", Integer.toString(server.port())).endsWith("127.0.0.1");
    }

    @Test
    void runsTheSystemSshAndPassesItsExitCodeThrough() throws Exception {
        Path marker = project.root().resolve("marker");

        Cli.Run ssh = project.run("ssh", "dev", "web-1", "--", "touch " + marker + "; exit 7");

        assertThat(ssh.exit()).as(ssh.err()).isEqualTo(7);
        assertThat(Files.exists(marker)).isTrue();
    }

    @Test
    void anUnknownNodeExitsTwoListingTheNodes() {
        Cli.Run ssh = project.run("ssh", "dev", "web-9", "--print");

        assertThat(ssh.exit()).isEqualTo(2);
        assertThat(ssh.err()).contains("no node web-9").contains("web-1");
    }
}
