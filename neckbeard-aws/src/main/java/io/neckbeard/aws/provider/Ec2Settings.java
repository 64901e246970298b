package io.neckbeard.aws.provider;

import io.neckbeard.core.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A node's {@code ec2:} block, resolved. {@code subnet_id} usually comes from
 * {@code availability_zones.<az>.ec2.subnet_id}, {@code instance_type} from the node's size.
 *
 * @param address         which of the instance's addresses neckbeard dials: {@code public} (the
 *                        default), {@code private} or {@code elastic_ip} (the public address an
 *                        associated Elastic IP gives it)
 * @param addressOverride the host to dial instead of any of the instance's addresses (an SSH jump
 *                        forward, a tunnel; the tests map nodes to loopback with it); null for none
 * @param launchTimeout   how long a launch waits for {@code running} ({@code launch_timeout}, default 10m)
 */
record Ec2Settings(String imageId, String instanceType, String subnetId, List<String> securityGroups, String keyName,
                   String instanceProfile, String userData, String address, String addressOverride,
                   Duration launchTimeout) {
    static final String BLOCK = "ec2";
    static final List<String> ADDRESSES = List.of("public", "private", "elastic_ip");
    static final Duration DEFAULT_LAUNCH_TIMEOUT = Duration.ofMinutes(10);

    static Ec2Settings of(Map<String, Object> params) {
        Map<?, ?> ec2 = params.get(BLOCK) instanceof Map<?, ?> map ? map : Map.of();
        List<String> groups = ec2.get("security_groups") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        String address = ec2.get("address") == null ? "public" : String.valueOf(ec2.get("address"));
        return new Ec2Settings(text(ec2, "image_id"), text(ec2, "instance_type"), text(ec2, "subnet_id"), groups,
                text(ec2, "key_name"), text(ec2, "instance_profile"), text(ec2, "user_data"), address,
                text(ec2, "address_override"),
                Durations.parseOr(ec2.get("launch_timeout"), DEFAULT_LAUNCH_TIMEOUT, "ec2.launch_timeout"));
    }

    private static String text(Map<?, ?> block, String key) {
        Object value = block.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
