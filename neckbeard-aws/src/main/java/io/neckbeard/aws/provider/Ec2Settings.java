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
 *                        default), {@code private} or {@code elastic_ip} (the public address, which
 *                        is the node's Elastic IP while it holds one)
 * @param addressOverride the host to dial instead of any of the instance's addresses (an SSH jump
 *                        forward, a tunnel; the tests map nodes to loopback with it); null for none
 * @param launchTimeout   how long a launch waits for {@code running} and then for the status checks
 *                        ({@code launch_timeout}, default 10m)
 * @param statusChecks    whether a launch waits for EC2's status checks to pass ({@code status_checks}, default true)
 * @param volumes         the EBS volumes ({@code volumes}) besides the image's own
 * @param seed            {@code snapshot} (the default: volumes of a seeded launch start from snapshots of
 *                        the seed node's volumes) or {@code none} (they start blank)
 * @param snapshotTimeout how long a seeded launch waits for its snapshots of the seed's volumes
 *                        ({@code snapshot_timeout}, default 60m: a first snapshot copies the whole volume)
 * @param elasticIp       {@code allocate}, an allocation id ({@code eipalloc-...}) or a public IP; null for none
 */
record Ec2Settings(String imageId, String instanceType, String subnetId, List<String> securityGroups, String keyName,
                   String instanceProfile, String userData, String address, String addressOverride,
                   Duration launchTimeout, boolean statusChecks, List<Ec2Volume> volumes, String seed, Duration snapshotTimeout,
                   String elasticIp) {
    static final String BLOCK = "ec2";
    static final List<String> ADDRESSES = List.of("public", "private", "elastic_ip");
    static final List<String> SEEDS = List.of("snapshot", "none");
    static final String ALLOCATE = "allocate";
    static final Duration DEFAULT_LAUNCH_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_SNAPSHOT_TIMEOUT = Duration.ofMinutes(60);

    static Ec2Settings of(Map<String, Object> params) {
        Map<?, ?> ec2 = params.get(BLOCK) instanceof Map<?, ?> map ? map : Map.of();
        List<String> groups = ec2.get("security_groups") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        List<Ec2Volume> volumes = ec2.get("volumes") instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(v -> Ec2Volume.of((Map<?, ?>) v)).toList() : List.of();
        String address = ec2.get("address") == null ? "public" : String.valueOf(ec2.get("address"));
        return new Ec2Settings(text(ec2, "image_id"), text(ec2, "instance_type"), text(ec2, "subnet_id"), groups,
                text(ec2, "key_name"), text(ec2, "instance_profile"), text(ec2, "user_data"), address,
                text(ec2, "address_override"),
                Durations.parseOr(ec2.get("launch_timeout"), DEFAULT_LAUNCH_TIMEOUT, "ec2.launch_timeout"),
                !"false".equals(String.valueOf(ec2.get("status_checks"))), volumes,
                ec2.get("seed") == null ? "snapshot" : String.valueOf(ec2.get("seed")),
                Durations.parseOr(ec2.get("snapshot_timeout"), DEFAULT_SNAPSHOT_TIMEOUT, "ec2.snapshot_timeout"),
                text(ec2, "elastic_ip"));
    }

    /** {@code allocate}, {@code eipalloc-<hex>}, a dotted IPv4 address, or a run-time {@code ${...}} reference. */
    static boolean validElasticIp(String value) {
        return value.equals(ALLOCATE) || value.contains("${") || value.matches("eipalloc-[0-9a-f]{8,17}")
                || value.matches("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    }

    static String text(Map<?, ?> block, String key) {
        Object value = block.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
