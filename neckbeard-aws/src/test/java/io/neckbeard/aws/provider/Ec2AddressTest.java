package io.neckbeard.aws.provider;

import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which address neckbeard dials for an ec2 node; nothing here connects anywhere. */
class Ec2AddressTest {
    private static final Resource BOTH = resource(Map.of("private_ip", "10.0.1.5", "public_ip", "203.0.113.7"));

    @Test
    void thePublicAddressIsTheDefault() {
        assertThat(Ec2Provider.sshHost(BOTH, settings(Map.of()), "web-1")).isEqualTo("203.0.113.7");
        assertThat(Ec2Provider.sshHost(BOTH, settings(Map.of("address", "elastic_ip")), "web-1")).isEqualTo("203.0.113.7");
    }

    @Test
    void addressPrivateDialsThePrivateAddress() {
        assertThat(Ec2Provider.sshHost(BOTH, settings(Map.of("address", "private")), "web-1")).isEqualTo("10.0.1.5");
    }

    @Test
    void anAddressOverrideWinsOverTheInstancesAddresses() {
        assertThat(Ec2Provider.sshHost(BOTH, settings(Map.of("address_override", "127.0.0.1")), "web-1")).isEqualTo("127.0.0.1");
    }

    @Test
    void aNodeWithoutThePublicAddressItShouldBeReachedOnSaysWhatToSet() {
        Resource privateOnly = resource(Map.of("private_ip", "10.0.1.5"));

        assertThatThrownBy(() -> Ec2Provider.sshHost(privateOnly, settings(Map.of()), "web-1"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("node web-1 (instance i-0abc) has no public address")
                .satisfies(e -> assertThat(((ProviderException) e).remedy()).contains("ec2.address: private"));
    }

    private static Ec2Settings settings(Map<String, Object> ec2) {
        Map<String, Object> block = new HashMap<>(Map.of("image_id", "ami-1", "instance_type", "t3.small"));
        block.putAll(ec2);
        return Ec2Settings.of(Map.of("ec2", block));
    }

    private static Resource resource(Map<String, String> attributes) {
        return new Resource("i-0abc", "ec2", null, ResourceState.RUNNING, Map.of(), attributes);
    }
}
