package io.neckbeard.aws.provider;

import io.neckbeard.aws.Lazy;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.ssh.SshSettings;
import io.neckbeard.transport.ssh.SshTransport;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code resource: ec2}. Names no AWS SDK type: the SDK code lives in {@link Ec2Instances}, built
 * on the first call that needs EC2, so a command that creates the provider but never calls EC2
 * loads no SDK class. SSH reaches the node on the address its settings choose.
 */
final class Ec2Provider implements ResourceProvider {
    private final Lazy<Ec2Instances> instances;

    Ec2Provider(Supplier<Ec2Instances> connect) {
        this.instances = new Lazy<>(connect);
    }

    private Ec2Instances instances() {
        return instances.get();
    }

    @Override
    public List<Resource> discover(String app, String environment) {
        return instances().discover(app, environment);
    }

    @Override
    public Resource launch(LaunchRequest request) {
        return instances().launch(request);
    }

    @Override
    public Resource resume(Resource found, LaunchRequest request) {
        return instances().resume(found, request);
    }

    @Override
    public Resource refresh(Resource resource) {
        return refreshAll(List.of(resource)).get(0);
    }

    /** {@link #refresh} of many resources in one paginated DescribeInstances. */
    @Override
    public List<Resource> refreshAll(List<Resource> resources) {
        return resources.isEmpty() ? List.of() : instances().refreshAll(resources);
    }

    /** The nodes that are active now take over their Elastic IPs (see {@link ElasticIps}); retired ones need nothing. */
    @Override
    public void promoted(List<Resource> nowActive, List<Resource> retired) {
        if (nowActive.stream().anyMatch(r -> r.tags().containsKey(ElasticIps.TAG))) {
            instances().promoted(nowActive);
        }
    }

    @Override
    public void terminate(Resource resource) {
        instances().terminate(resource);
    }

    @Override
    public Transport transport(Resource resource, NodeSpec node, ResolvedParams params) {
        return new SshTransport(sshHost(resource, Ec2Settings.of(params.values(), node.index()), node.name()), SshSettings.of(params));
    }

    /** The host neckbeard dials for the node: {@code ec2.address_override} if set, else the address {@code ec2.address} chooses. */
    static String sshHost(Resource resource, Ec2Settings settings, String node) {
        if (settings.addressOverride() != null) {
            return settings.addressOverride();
        }
        String key = "private".equals(settings.address()) ? Ec2Resources.PRIVATE_IP : Ec2Resources.PUBLIC_IP;
        String address = resource.attributes().get(key);
        if (address == null) {
            throw new ProviderException("node " + node + " (instance " + resource.id() + ") has no " + settings.address() + " address",
                    "set ec2.address: private (reached through a VPN or from inside the VPC), or give the subnet public addresses");
        }
        return address;
    }
}
