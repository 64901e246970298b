package io.neckbeard.aws.provider;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code ec2.volumes}: an EBS volume launched with the instance.
 *
 * @param device              the device name, e.g. {@code /dev/sdf}
 * @param sizeGb              its size in GiB; from a snapshot, never less than the snapshot's (null: the snapshot's)
 * @param type                {@code gp3} (the default), {@code gp2}, {@code io1}, {@code io2}, {@code st1}, {@code sc1}, {@code standard}
 * @param iops                provisioned IOPS (gp3, io1, io2), or null for the type's default
 * @param throughput          MiB/s (gp3 only), or null for the default
 * @param encrypted           whether EBS encrypts it (a volume from an encrypted snapshot always is)
 * @param deleteOnTermination whether it goes with the instance (default true: a seeded node gets
 *                            its data from snapshots, not from an old generation's volumes)
 */
record Ec2Volume(String device, Integer sizeGb, String type, Integer iops, Integer throughput, boolean encrypted,
                 boolean deleteOnTermination) {
    static final List<String> TYPES = List.of("gp3", "gp2", "io1", "io2", "st1", "sc1", "standard");
    static final List<String> KEYS = List.of("device", "size_gb", "type", "iops", "throughput", "encrypted",
            "delete_on_termination");

    static Ec2Volume of(Map<?, ?> entry) {
        return new Ec2Volume(Ec2Settings.text(entry, "device"), number(entry, "size_gb"),
                entry.get("type") == null ? "gp3" : String.valueOf(entry.get("type")), number(entry, "iops"),
                number(entry, "throughput"), "true".equals(String.valueOf(entry.get("encrypted"))),
                !"false".equals(String.valueOf(entry.get("delete_on_termination"))));
    }

    private static Integer number(Map<?, ?> entry, String key) {
        Object value = entry.get(key);
        return value == null ? null : Integer.valueOf(value.toString().trim());
    }
}
