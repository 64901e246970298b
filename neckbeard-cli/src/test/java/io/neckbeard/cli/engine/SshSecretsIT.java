package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.core.Json;
import io.neckbeard.transport.ssh.MinaSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSH settings of a static node read from {@code ${env:VAR}} that fail at run time (the node
 * fails, exit 1) are named by their variable in the report, in text and in {@code -o json}: the
 * value never shows.
 */
class SshSecretsIT {
    private static final String SECRET_PORT = "hunter2-not-a-port";

    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    private MinaSshServer server;
    private Path knownHosts;

    @BeforeEach
    void staticNodeWithSshSettingsFromTheEnvironment() throws Exception {
        server = new MinaSshServer();
        knownHosts = server.writeKnownHosts(Files.createDirectories(project.root().resolve("keys")).resolve("known_hosts"));
        Files.writeString(project.root().resolve("neckbeard/config.yml"), """
                app: statictest
                packager: {type: tarball, include: [app/, Procfile]}
                coordinator: {type: local-yaml, path: .neckbeard/state}
                stack: {root: %s, keep_releases: 2, process_manager: direct}
                node_types:
                  web:
                    resource: static
                    params:
                      static: {hosts: [127.0.0.1]}
                      ssh: {port: "${env:NB_SSH_PORT}", identity_file: "${env:NB_SSH_KEY}", known_hosts: %s}
                availability_zones:
                  a: {}
                environments:
                  base:
                    availability_zones: [a]
                    nodes: {web: {count: 1, min_per_az: 1}}
                """.formatted(project.root().resolve("remote/srv"), knownHosts));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aPortFromTheEnvironmentThatIsNotAPortIsNamedByItsVariable() throws Exception {
        Map<String, String> env = Map.of("NB_SSH_PORT", SECRET_PORT, "NB_SSH_KEY", "/nowhere/key");

        JarProcess text = JarProcess.start(project.root(), project.logs(), "up-text", env, "up", "dev");
        assertThat(text.await()).as(text.err()).isEqualTo(1);
        JarProcess json = JarProcess.start(project.root(), project.logs(), "up-json", env, "up", "dev", "-o", "json");
        assertThat(json.await()).as(json.err()).isEqualTo(1);

        assertThat(text.out() + text.err()).contains("ssh.port must be a port number").contains("${env:NB_SSH_PORT}");
        assertThat(Json.mapper().readTree(json.out()).toString()).contains("${env:NB_SSH_PORT}");
        for (JarProcess run : new JarProcess[] {text, json}) {
            assertThat(run.out() + run.err()).doesNotContain(SECRET_PORT);
        }
    }

    @Test
    void anUnreadableIdentityFileFromTheEnvironmentIsNamedByItsVariable() throws Exception {
        String secretKey = project.root().resolve("hunter2-key-path").toString();
        Map<String, String> env = Map.of("NB_SSH_PORT", Integer.toString(server.port()), "NB_SSH_KEY", secretKey);

        JarProcess json = JarProcess.start(project.root(), project.logs(), "up-json", env, "up", "dev", "-o", "json");

        assertThat(json.await()).as(json.err()).isNotZero();
        assertThat(json.out() + json.err()).contains("${env:NB_SSH_KEY}").doesNotContain("hunter2");
    }
}
