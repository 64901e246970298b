package io.neckbeard.stack;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.Slug;
import io.neckbeard.packager.tarball.TarballPackagerFactory;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.ProvisionSteps;
import io.neckbeard.provisioner.ProvisionerContext;
import io.neckbeard.provisioner.ProvisionerException;
import io.neckbeard.provisioner.ProvisionerFactory;
import io.neckbeard.provisioner.ServicePeers;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.transport.ssh.MinaSshServer;
import io.neckbeard.transport.ssh.SshTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Provisioning plus deploy of one node over SSH (the in-process MINA server), counted in exec
 * channels: one copy of every file, one command that provisions and deploys. Before, each file
 * and each command had a channel of its own (seven with one provisioning script).
 */
class DeployRoundTripsTest {
    private final Stack stack = new Stack(Map.of("direct", new DirectProcessManager()));
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path temp;
    MinaSshServer server;
    SshTransport transport;
    StackTarget target;
    Path provisioning;
    Slug slug;

    @BeforeEach
    void setUp() throws Exception {
        server = new MinaSshServer();
        Path keys = Files.createDirectories(temp.resolve("keys"));
        transport = new SshTransport("127.0.0.1", server.settings(server.writeIdentity(keys.resolve("id")),
                server.writeKnownHosts(keys.resolve("known_hosts"))));
        Path slugProject = Fixtures.copy("slug-project", temp.resolve("slug-project"));
        slug = new TarballPackagerFactory().create(new PackagerContext(slugProject, "hello", Map.of())).build(new PackageRequest("hello", slugProject, Map.of(),
                slugProject.resolve(".neckbeard/slugs")));
        provisioning = Fixtures.copy("shell-project", temp.resolve("shell-project"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        target = new StackTarget(temp.resolve("node/srv").toString(), 2, "direct", "hello", "dev", "app-1", 1, port, Map.of(),
                Map.of("GREETING", "hi"), "127.0.0.1");
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            stack.stop(transport, target);
        } finally {
            transport.close();
            server.close();
        }
    }

    private ProvisionSteps steps(List<String> scripts) {
        NodeSpec spec = new NodeSpec("app-1", "app", 1, "a", "small", "static", List.of("web"), new ParamTree(Map.of(), Map.of()));
        ProvisionRequest request = new ProvisionRequest("hello", "dev", 1, spec,
                new ResolvedParams(Map.of("db", Map.of("password", "s3cret")), Map.of("db", Map.of("password", "${env:DB}"))),
                List.of("web"), Map.of("web", new ServicePeers(List.of("127.0.0.1"), List.of("127.0.0.1"))), provisioning,
                Map.of("scripts", scripts), target.root() + "/provision");
        return Plugins.builtIn().find(ProvisionerFactory.class, "shell", "provisioner")
                .create(new ProvisionerContext(provisioning, "hello", Map.of("scripts", scripts))).steps(request);
    }

    @Test
    void provisioningWithTwoScriptsAndTheDeployTakeOneExecChannel() throws Exception {
        ProvisionSteps steps = steps(List.of("neckbeard/provision.sh", "neckbeard/second.sh"));
        int before = server.execChannels();

        stack.deploy(transport, slug, target, steps, log::add);

        assertThat(server.execChannels() - before).as("the copy and the command in one round trip").isEqualTo(1);
        Path root = Path.of(target.root());
        assertThat(log).containsSubsequence("running neckbeard/provision.sh", "running neckbeard/second.sh",
                "deploying release " + slug.id());
        assertThat(root.resolve("provision/second.out")).hasContent("second ran after the first");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("provision/params.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("shared/env")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("shared")))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(root.resolve("releases/" + slug.id()));
        assertThat(String.join("\n", log)).doesNotContain("s3cret");
    }

    @Test
    void aFailingScriptNamesItselfWithTheTailOfItsOwnOutputAndTheDeployDoesNotStart() {
        ProvisionSteps steps = steps(List.of("neckbeard/provision.sh", "neckbeard/fail.sh"));

        assertThatThrownBy(() -> stack.deploy(transport, slug, target, steps, log::add))
                .isInstanceOfSatisfying(ProvisionerException.class, e -> assertThat(e.getMessage())
                        .contains("provisioning script neckbeard/fail.sh failed", "exit 3", "step 60",
                                "memcached: port 11211 already in use")
                        .doesNotContain("step 20\n").doesNotContain("roles="));
        assertThat(Path.of(target.root(), "current")).doesNotExist();
        assertThat(log).doesNotContain("deploying release " + slug.id());
    }

    @Test
    void aFailingDeployIsTheStacksFailureNamingTheRelease() throws Exception {
        // a file where the releases directory goes makes the deploy script fail after provisioning succeeded
        Files.createDirectories(Path.of(target.root()));
        Files.writeString(Path.of(target.root(), "releases"), "in the way");

        assertThatThrownBy(() -> stack.deploy(transport, slug, target, steps(List.of("neckbeard/provision.sh")), log::add))
                .isInstanceOfSatisfying(StackException.class, e -> assertThat(e.getMessage())
                        .contains("could not deploy release " + slug.id(), "neckbeard stack: could not prepare")
                        .doesNotContain("roles="));
        assertThat(log).contains("running neckbeard/provision.sh");
    }
}
