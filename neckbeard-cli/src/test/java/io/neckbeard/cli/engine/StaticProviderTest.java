package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.transport.ssh.MinaSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code static} provider end to end: the listed host is 127.0.0.1, reached over SSH through
 * an in-process MINA SSHD server; {@code up} deploys the Stack there with the {@code direct}
 * process manager and the app answers HTTP; {@code run} goes over the same transport.
 */
class StaticProviderTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    private MinaSshServer server;
    private int appPort;

    @BeforeEach
    void configure() throws Exception {
        server = new MinaSshServer();
        try (ServerSocket socket = new ServerSocket(0)) {
            appPort = socket.getLocalPort();
        }
        writeStaticProject(project.root(), server, appPort);
    }

    /** The project's config.yml for one web node on the static host 127.0.0.1, reached through {@code server}. */
    static void writeStaticProject(Path root, MinaSshServer server, int appPort) throws Exception {
        Path keys = Files.createDirectories(root.resolve("keys"));
        Path identity = server.writeIdentity(keys.resolve("id_ed25519"));
        Path knownHosts = server.writeKnownHosts(keys.resolve("known_hosts"));
        Files.writeString(root.resolve("neckbeard/config.yml"), """
                app: statictest
                packager: {type: tarball, include: [app/, Procfile]}
                coordinator: {type: local-yaml, path: .neckbeard/state}
                provisioner: {type: shell, scripts: [neckbeard/provision.sh]}
                stack: {root: %s, keep_releases: 2, process_manager: direct}
                node_types:
                  web:
                    resource: static
                    health_check: {type: http, path: /health, interval: 200ms, timeout: 20s}
                    params:
                      provision: {sleep: "0", fail_node: none}
                      static: {hosts: [127.0.0.1], port: %d}
                      ssh: {port: %d, identity_file: %s, known_hosts: %s}
                availability_zones:
                  a: {}
                environments:
                  base:
                    availability_zones: [a]
                    nodes: {web: {count: 1, min_per_az: 1}}
                """.formatted(root.resolve("remote/srv"), appPort, server.port(), identity, knownHosts));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void upDeploysTheStackToTheListedHostOverSshAndTheAppAnswers() {
        Cli.Run up = project.run("up", "dev");

        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(EngineProject.get(appPort, "/health")).isNotNull();
        assertThat(project.root().resolve("remote/srv/current/Procfile")).exists();

        Cli.Run run = project.run("run", "dev", "--", "echo", "over", "ssh");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("web-1 | over ssh" + System.lineSeparator());
    }

    /** The hosts are not found by tags (static has no inventory): the recorded ones are asked for instead. */
    @Test
    void aSecondUpWithNothingChangedLeavesTheServingNodeAlone() {
        assertThat(project.run("up", "dev").exit()).isZero();

        Cli.Run plan = project.run("plan", "dev");
        Cli.Run again = project.run("up", "dev");

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).doesNotContain("launch").doesNotContain("provision").doesNotContain("vanished");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("take-out").doesNotContain("launch");
        assertThat(EngineProject.get(appPort, "/health")).isNotNull();
    }

    @Test
    void upPendingIsRefusedWhileAGenerationServesOnTheHostsAndChangesNothing() throws Exception {
        assertThat(project.run("up", "dev").exit()).isZero();
        Path state = project.root().resolve(".neckbeard/state/dev/state.yml");
        byte[] before = Files.readAllBytes(state);

        Cli.Run plan = project.run("plan", "dev", "--pending");
        Cli.Run pending = project.run("up", "dev", "--pending");

        assertThat(plan.out() + plan.err()).contains("hold one generation at a time");
        assertThat(pending.exit()).isEqualTo(4);
        assertThat(pending.err()).contains("node type web runs on resource static", "generation 1 is active",
                "neckbeard up dev");
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
        assertThat(EngineProject.get(appPort, "/health")).isNotNull();
    }

    /** The host outlives the node: a node whose processes cannot be stopped there is not reported terminated. */
    @Test
    void terminatingANodeWhoseHostCannotBeReachedFailsAndKeepsItsRecord() throws Exception {
        assertThat(project.run("up", "dev").exit()).isZero();
        server.close();

        Cli.Run terminate = project.run("terminate", "dev", "--all", "--force", "--yes");

        assertThat(terminate.exit()).as(terminate.out() + terminate.err()).isEqualTo(1);
        assertThat(terminate.out() + terminate.err()).contains("could not make sure no process of web-1 is left on its host 127.0.0.1");
        assertThat(project.state("dev").active().orElseThrow().nodes()).extracting(n -> n.name()).containsExactly("web-1");
    }

    /** The node is connected to before it is taken out of service: one that cannot be logged in to keeps serving. */
    @Test
    void aNodeThatCannotBeLoggedInToFailsAtConnectAndIsNotTakenOutOfService() throws Exception {
        project.writeEnvironment("dev", "extends: base\nnodes: {web: {count: 1, min_per_az: 0}}\n"); // may be taken out
        assertThat(project.run("up", "dev").exit()).isZero();
        Path config = project.root().resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config).replace("sleep: \"0\"", "sleep: \"1\""));
        Files.writeString(project.root().resolve("keys/known_hosts"), ""); // the host key is unknown now

        Cli.Run up = project.run("up", "dev");

        assertThat(up.exit()).as(up.err()).isEqualTo(1);
        assertThat(up.out() + up.err()).contains("connect: the SSH host key of 127.0.0.1:" + server.port() + " is unknown");
        assertThat(project.state("dev").active().orElseThrow().nodes()).singleElement()
                .satisfies(node -> assertThat(node.operational()).as("web-1 still serves").isTrue());
        assertThat(EngineProject.get(appPort, "/health")).isNotNull();
    }

    @Test
    void checkReportsANodeWithoutAHost() throws Exception {
        project.writeEnvironment("dev", "extends: base\nnodes: {web: {count: 2, min_per_az: 1}}\n");

        Cli.Run check = project.run("check", "dev");

        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err()).contains("config.yml:").contains("node web-2 has no host: static.hosts lists 1");
    }
}
