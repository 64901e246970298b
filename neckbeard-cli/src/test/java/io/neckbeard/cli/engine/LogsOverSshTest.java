package io.neckbeard.cli.engine;

import io.neckbeard.cli.Neckbeard;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.HostsWithOwnRoots;
import io.neckbeard.cli.testing.Poll;
import io.neckbeard.transport.ssh.MinaSshServer;
import io.neckbeard.transport.ssh.OpenSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code logs -f} over SSH across three hosts (127.0.0.1, .2 and .3, each with an SSH server of its
 * own, MINA in-process or OpenSSH's sshd, and a Stack root of its own: {@link HostsWithOwnRoots}),
 * followed for 5 s while the apps write: every line written arrives exactly once, prefixed with its
 * node, and the follow ends when interrupted.
 */
class LogsOverSshTest {
    private static final int NODES = 3;

    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    private final List<AutoCloseable> servers = new ArrayList<>();

    /** One host's SSH server: where it listens, the key it lets in, its line for known_hosts. */
    private record Host(int port, Path identity, String knownHostsLine) {
    }

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mina", "openssh"})
    void followingThreeNodesForFiveSecondsDeliversEveryLineExactlyOnce(String sshd) throws Exception {
        int[] appPorts = writeThreeHostProject(sshd);
        Path plugins = HostsWithOwnRoots.directory(project.root().getParent());
        Cli.Run up = project.run("--plugin-path", plugins.toString(), "up", "dev");
        assertThat(up.exit()).as(up.out() + up.err()).isZero();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread follower = new Thread(() -> exit.set(Neckbeard.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                "-C", project.root().toString(), "--plugin-path", plugins.toString(), "logs", "dev", "-f", "-n", "0")));
        follower.start();
        // the follow has started on a node once a line written now arrives from it
        for (int i = 1; i <= NODES; i++) {
            int node = i;
            String prefix = "web-" + node + " web | ready-";
            int port = appPorts[node - 1];
            int[] attempt = {0};
            Poll.until("web-" + node + " is followed", () -> {
                EngineProject.get("127.0.0." + node, port, "/say/ready-" + attempt[0]++);
                return out.toString(StandardCharsets.UTF_8).contains(prefix);
            });
        }

        List<String> sent = new ArrayList<>();
        long end = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            for (int node = 1; node <= NODES; node++) {
                String line = "line-" + node + "-" + i;
                assertThat(EngineProject.get("127.0.0." + node, appPorts[node - 1], "/say/" + line)).isEqualTo("said\n");
                sent.add("web-" + node + " web | " + line);
            }
        }
        Poll.until("every line written arrived", () -> out.toString(StandardCharsets.UTF_8).lines().toList().containsAll(sent));
        follower.interrupt();
        follower.join(60_000);

        assertThat(follower.isAlive()).as("the follow ended").isFalse();
        assertThat(exit.get()).isZero();
        Map<String, Long> received = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("| line-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(sent).hasSizeGreaterThan(3 * NODES);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(received).allSatisfy((line, count) -> assertThat(count).as(line).isEqualTo(1));
    }

    /** Three zones, one node each: web-N on host 127.0.0.N, reached through its own SSH server, Stack root remote/srv-N. */
    private int[] writeThreeHostProject(String sshd) throws Exception {
        Path root = project.root();
        String stackRoot = root.resolve("remote/srv").toString();
        Path keys = Files.createDirectories(root.resolve("keys"));
        StringBuilder zones = new StringBuilder();
        StringBuilder knownHosts = new StringBuilder();
        int[] appPorts = new int[NODES];
        for (int node = 1; node <= NODES; node++) {
            String suffix = "-" + node;
            Host host = sshd.equals("mina") ? mina("127.0.0." + node, keys.resolve("id" + suffix))
                    : openSsh("127.0.0." + node, Files.createDirectories(keys.resolve("sshd" + suffix)));
            knownHosts.append(host.knownHostsLine().strip()).append('\n');
            appPorts[node - 1] = freePort();
            zones.append("  z").append(node).append(": {own_root: ").append(stackRoot).append(suffix).append(", static: {port: ").append(appPorts[node - 1]).append("}, ssh: {port: ")
                    .append(host.port()).append(", identity_file: ").append(host.identity()).append(", known_hosts: ")
                    .append(keys.resolve("known_hosts")).append("}}\n");
        }
        Files.writeString(keys.resolve("known_hosts"), knownHosts);
        Files.writeString(root.resolve("neckbeard/config.yml"), """
                app: logstest
                packager: {type: tarball, include: [app/, Procfile]}
                coordinator: {type: local-yaml, path: .neckbeard/state}
                provisioner: {type: shell, scripts: [neckbeard/provision.sh]}
                stack: {root: %s, keep_releases: 2, process_manager: direct}
                node_types:
                  web:
                    resource: hosts-with-own-roots
                    health_check: {type: http, path: /health, interval: 200ms, timeout: 20s}
                    params:
                      provision: {sleep: "0", fail_node: none}
                      static: {hosts: [127.0.0.1, 127.0.0.2, 127.0.0.3]}
                availability_zones:
                %s
                environments:
                  base:
                    availability_zones: [z1, z2, z3]
                    nodes: {web: {count: 3, min_per_az: 1}}
                """.formatted(stackRoot, zones.toString().stripTrailing()));
        return appPorts;
    }

    private Host mina(String address, Path identity) throws Exception {
        MinaSshServer server = new MinaSshServer(address);
        servers.add(server);
        server.writeIdentity(identity);
        Path line = server.writeKnownHosts(identity.resolveSibling(identity.getFileName() + ".known"));
        return new Host(server.port(), identity, Files.readString(line));
    }

    private Host openSsh(String address, Path dir) throws Exception {
        OpenSshServer server = OpenSshServer.startOn(dir, address);
        servers.add(server);
        return new Host(server.port(), server.identity(), server.knownHostsLine());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
