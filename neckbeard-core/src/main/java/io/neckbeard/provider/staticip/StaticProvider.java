package io.neckbeard.provider.staticip;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.ssh.SshSettings;
import io.neckbeard.transport.ssh.SshTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Existing hosts: a launch adopts the node's host (nothing is created, so it is idempotent), a
 * terminate releases it (nothing is destroyed; the engine has stopped the Stack's processes).
 * The coordinator's records are the only inventory, so {@code discover} finds nothing more.
 */
final class StaticProvider implements ResourceProvider {
    /** The attribute keeping a host's SSH port, for its reachability. */
    static final String SSH_PORT = "ssh_port";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A thread per host check: connects wait on the network, not the CPU; daemon, so none holds the JVM. */
    private static final Executor CONNECTS = task -> {
        Thread thread = new Thread(task, "static-host-check");
        thread.setDaemon(true);
        thread.start();
    };

    @Override
    public List<Resource> discover(String app, String environment) {
        return List.of();
    }

    @Override
    public Resource launch(LaunchRequest request) {
        List<String> hosts = StaticHosts.of(request.params());
        int index = request.node().index();
        if (index > hosts.size()) {
            throw new ProviderException("node " + request.node().name() + " has no host: static.hosts lists " + hosts.size(),
                    "add a host to static.hosts, or scale " + request.node().type() + " down");
        }
        String host = hosts.get(index - 1);
        Map<String, String> attributes = new LinkedHashMap<>();
        Integer port = StaticHosts.port(request.params());
        if (port != null) {
            attributes.put("port", port.toString());
        }
        Integer sshPort = writtenSshPort(request.node());
        if (sshPort != null) {
            attributes.put(SSH_PORT, sshPort.toString());
        }
        return new Resource(host, StaticProviderFactory.TYPE, host, ResourceState.RUNNING,
                request.tags().isEmpty() ? Tags.of(request.app(), request.environment(), request.generation(), request.node().name())
                        : request.tags(), attributes);
    }

    /**
     * A listed host runs while its SSH port accepts a connection (within {@link #CONNECT_TIMEOUT}),
     * else it is unreachable. A host launched with its SSH port from {@code ${env:VAR}} (not
     * recorded: it is the operator's secret) is taken to be running, as is one recorded before
     * hosts recorded their SSH port.
     */
    @Override
    public Resource refresh(Resource resource) {
        String sshPort = resource.attributes().get(SSH_PORT);
        ResourceState state = sshPort == null || reachable(resource.id(), Integer.parseInt(sshPort))
                ? ResourceState.RUNNING : ResourceState.UNREACHABLE;
        return new Resource(resource.id(), resource.provider(), resource.id(), state, resource.tags(), resource.attributes());
    }

    /** Every host's connect at once: one after another, N unreachable hosts would cost N connect timeouts. */
    @Override
    public List<Resource> refreshAll(List<Resource> resources) {
        List<CompletableFuture<Resource>> checks = resources.stream()
                .map(resource -> CompletableFuture.supplyAsync(() -> refresh(resource), CONNECTS)).toList();
        return checks.stream().map(CompletableFuture::join).toList();
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The node's {@code ssh.port} as written: 22 when not set, null when it is not a number literal (e.g. {@code ${env:SSH_PORT}}). */
    private static Integer writtenSshPort(NodeSpec node) {
        Object block = node.params().values().get(SshSettings.BLOCK);
        Object port = block instanceof Map<?, ?> ssh ? ssh.get("port") : null;
        if (port == null) {
            return 22;
        }
        return port instanceof Integer number ? number : null;
    }

    @Override
    public void terminate(Resource resource) {
        // the host is not ours to destroy
    }

    /** Two generations on one host would share its Stack root: the new one would restart the serving one's processes. */
    @Override
    public boolean holdsOneGeneration() {
        return true;
    }

    /** Nothing is stored on a host, so it cannot say whose it is: a static node's host is the one its configuration lists. */
    @Override
    public boolean tagsResources() {
        return false;
    }

    @Override
    public Transport transport(Resource resource, NodeSpec node, ResolvedParams params) {
        return new SshTransport(resource.address(), SshSettings.of(params));
    }
}
