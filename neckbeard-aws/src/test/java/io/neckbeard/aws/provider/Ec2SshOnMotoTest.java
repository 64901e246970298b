package io.neckbeard.aws.provider;

import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.ssh.MinaSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSH to an ec2 node launched on moto. moto's instances have addresses that must never be dialled,
 * so the node is mapped to an SSH server on loopback with {@code ec2.address_override}, and the
 * test refuses any other host before connecting.
 */
@ExtendWith(MotoExtension.class)
class Ec2SshOnMotoTest {
    @TempDir
    Path dir;

    @Test
    void theTransportReachesTheNodeOnTheAddressItsSettingsChoose(MotoServer moto) throws Exception {
        try (MinaSshServer sshd = new MinaSshServer(); Ec2Client ec2 = MotoEc2.client(moto)) {
            Map<String, Object> params = Map.of(
                    "ec2", Map.of("image_id", "ami-12c6146b", "instance_type", "t3.micro", "address_override", "127.0.0.1"),
                    "ssh", Map.of("port", sshd.port(), "identity_file", sshd.writeIdentity(dir.resolve("id")).toString(),
                            "known_hosts", sshd.writeKnownHosts(dir.resolve("known_hosts")).toString()));
            LaunchRequest request = MotoEc2.request("production", 1, "web-1", params);
            Ec2Provider provider = MotoEc2.provider(ec2, 1000);
            Resource node = provider.launch(request);

            String host = Ec2Provider.sshHost(node, Ec2Settings.of(params), "web-1");
            MotoServer.requireLoopback(URI.create("ssh://" + host));
            try (Transport transport = provider.transport(node, request.node(), ResolvedParams.plain(params))) {
                CommandResult result = transport.run("echo hello from $0", Map.of(), Duration.ofSeconds(30), line -> { });

                assertThat(result.exitCode()).isZero();
                assertThat(result.outputTail()).contains("hello from");
            }
        }
    }

    /**
     * Health checks and the app's NECKBEARD_ADDRESS dial the resource's address: a tunnelled node's
     * must be the tunnel, at launch, after a refresh and in discovery.
     */
    @Test
    void aNodeWithAnAddressOverrideHasItAsItsAddressWhereverItIsLookedAt(MotoServer moto) {
        try (Ec2Client ec2 = MotoEc2.client(moto)) {
            Ec2Provider provider = MotoEc2.provider(ec2, 1000);

            Resource launched = provider.launch(MotoEc2.request("production", 1, "web-1", MotoEc2.params(Map.of("address_override", "127.0.1.2"))));
            Resource plain = provider.launch(MotoEc2.request("production", 1, "web-2"));

            assertThat(launched.address()).isEqualTo("127.0.1.2");
            assertThat(plain.address()).isEqualTo(plain.attributes().get(Ec2Resources.PUBLIC_IP));
            assertThat(provider.refreshAll(List.of(new Resource(launched.id(), launched.provider(), null, ResourceState.UNKNOWN,
                    Map.of(), Map.of()))).get(0).address()).isEqualTo("127.0.1.2");
            assertThat(provider.discover(MotoEc2.APP, "production")).extracting(Resource::address)
                    .containsExactlyInAnyOrder("127.0.1.2", plain.address());
        }
    }
}
