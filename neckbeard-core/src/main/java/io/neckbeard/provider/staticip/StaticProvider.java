package io.neckbeard.provider.staticip;

import io.neckbeard.config.NodeSpec;
import io.neckbeard.config.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.Tags;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.ssh.SshSettings;
import io.neckbeard.transport.ssh.SshTransport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Existing hosts: a launch adopts the node's host (nothing is created, so it is idempotent), a
 * terminate releases it (nothing is destroyed; the engine has stopped the Stack's processes).
 * The coordinator's records are the only inventory, so {@code discover} finds nothing more.
 */
final class StaticProvider implements ResourceProvider {

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
        return new Resource(host, StaticProviderFactory.TYPE, host, "running",
                request.tags().isEmpty() ? Tags.of(request.app(), request.environment(), request.generation(), request.node().name())
                        : request.tags(), attributes);
    }

    /** A listed host is taken to be running: a node that does not answer fails its SSH commands and health check. */
    @Override
    public Resource refresh(Resource resource) {
        return new Resource(resource.id(), resource.provider(), resource.id(), "running", resource.tags(), resource.attributes());
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
