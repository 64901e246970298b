package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsErrors;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The EBS volumes of {@code ec2.volumes}: block device mappings of RunInstances, blank or, for a
 * seeded launch, from snapshots neckbeard takes of the seed node's volumes of the same device
 * names. Snapshots carry the new node's {@code neckbeard:*} tags and {@value #DEVICE_TAG}, so a
 * re-run of an interrupted launch finds them instead of taking new ones.
 */
final class Ec2Volumes {
    static final String DEVICE_TAG = "neckbeard:device";
    private static final Logger LOG = LoggerFactory.getLogger(Ec2Volumes.class);

    private final Ec2Client ec2;
    /** A fresh backoff for each wait on pending snapshots (the caller's first wait and cap). */
    private final Supplier<Backoff> backoffs;

    Ec2Volumes(Ec2Client ec2, Supplier<Backoff> backoffs) {
        this.ec2 = ec2;
        this.backoffs = backoffs;
    }

    /** The mappings of RunInstances, each volume from its device's snapshot in {@code snapshots} when there is one. */
    static List<BlockDeviceMapping> mappings(List<Ec2Volume> volumes, Map<String, Snapshot> snapshots) {
        List<BlockDeviceMapping> mappings = new ArrayList<>();
        for (Ec2Volume volume : volumes) {
            Snapshot snapshot = snapshots.get(volume.device());
            EbsBlockDevice.Builder ebs = EbsBlockDevice.builder().volumeType(volume.type()).iops(volume.iops())
                    .throughput(volume.throughput()).deleteOnTermination(volume.deleteOnTermination());
            if (snapshot != null) {
                ebs.snapshotId(snapshot.snapshotId());
                ebs.volumeSize(volume.sizeGb() == null ? null : Math.max(volume.sizeGb(), snapshot.volumeSize()));
            } else {
                ebs.volumeSize(volume.sizeGb());
            }
            if (volume.encrypted()) {
                ebs.encrypted(true);
            }
            mappings.add(BlockDeviceMapping.builder().deviceName(volume.device()).ebs(ebs.build()).build());
        }
        return mappings;
    }

    /**
     * For a seeded launch ({@code seedFrom} set, {@code ec2.seed} not {@code none}): a completed
     * snapshot of each of the seed instance's volumes whose device is one of {@code volumes}, by
     * device. A device the seed has no volume on starts blank.
     *
     * @param tags the new node's tags (the snapshots get them)
     */
    Map<String, Snapshot> seedSnapshots(LaunchRequest request, Ec2Settings settings, Map<String, String> tags, Instant deadline) {
        Resource seed = request.seedFrom();
        String node = request.node().name();
        if (seed == null || settings.volumes().isEmpty() || "none".equals(settings.seed())) {
            return Map.of();
        }
        if (!Ec2ProviderFactory.TYPE.equals(seed.provider())) {
            throw new ProviderException("node " + node + ": its seed node is a " + seed.provider() + " resource (" + seed.id()
                    + "), and ec2 volumes can only be seeded from ec2 nodes' volumes",
                    "set ec2.seed: none for this node type, or seed from an environment that runs it on ec2");
        }
        List<String> devices = settings.volumes().stream().map(Ec2Volume::device).toList();
        Map<String, Snapshot> snapshots = taken(tags, devices);
        for (Volume volume : seedVolumes(seed.id(), node)) {
            String device = volume.attachments().stream().filter(a -> seed.id().equals(a.instanceId()))
                    .map(VolumeAttachment::device).findFirst().orElse(null);
            if (devices.contains(device) && !snapshots.containsKey(device)) {
                snapshots.put(device, snapshot(volume, device, seed.id(), tags));
            }
        }
        return awaitCompleted(snapshots, node, deadline);
    }

    /** Snapshots an earlier run took for this node, by device. */
    private Map<String, Snapshot> taken(Map<String, String> tags, List<String> devices) {
        List<Filter> filters = new ArrayList<>();
        for (String key : List.of(Tags.APP, Tags.ENV, Tags.GENERATION, Tags.NODE)) {
            filters.add(Filter.builder().name("tag:" + key).values(tags.get(key)).build());
        }
        filters.add(Filter.builder().name("tag:" + DEVICE_TAG).values(devices).build());
        filters.add(Filter.builder().name("status").values("pending", "completed").build());
        Map<String, Snapshot> found = new LinkedHashMap<>();
        try {
            ec2.describeSnapshotsPaginator(d -> d.ownerIds("self").filters(filters)).snapshots()
                    .forEach(s -> found.putIfAbsent(tag(s.tags(), DEVICE_TAG), s));
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "look up the seed snapshots of node " + tags.get(Tags.NODE));
        }
        return found;
    }

    private List<Volume> seedVolumes(String seedInstance, String node) {
        try {
            return ec2.describeVolumesPaginator(d -> d.filters(Filter.builder().name("attachment.instance-id")
                    .values(seedInstance).build())).volumes().stream().toList();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "list the volumes of seed instance " + seedInstance + " for node " + node);
        }
    }

    private Snapshot snapshot(Volume volume, String device, String seedInstance, Map<String, String> tags) {
        List<Tag> snapshotTags = new ArrayList<>(ElasticIps.ec2Tags(tags));
        snapshotTags.add(Tag.builder().key(DEVICE_TAG).value(device).build());
        try {
            var taken = ec2.createSnapshot(c -> c.volumeId(volume.volumeId())
                    .description("neckbeard seed of " + tags.get(Tags.NAME) + " " + device + " from " + seedInstance)
                    .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SNAPSHOT).tags(snapshotTags).build()));
            LOG.info("node {}: snapshot {} of {} ({} on seed instance {})", tags.get(Tags.NODE), taken.snapshotId(),
                    volume.volumeId(), device, seedInstance);
            return Snapshot.builder().snapshotId(taken.snapshotId()).volumeSize(taken.volumeSize()).state(taken.state())
                    .stateMessage(taken.stateMessage()).build();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "snapshot volume " + volume.volumeId() + " of seed instance " + seedInstance);
        }
    }

    /** Polls the snapshots (one DescribeSnapshots for all) until every one is completed. */
    private Map<String, Snapshot> awaitCompleted(Map<String, Snapshot> snapshots, String node, Instant deadline) {
        Map<String, Snapshot> now = new LinkedHashMap<>(snapshots);
        Backoff backoff = backoffs.get();
        while (true) {
            List<Snapshot> waiting = now.values().stream().filter(s -> s.state() != SnapshotState.COMPLETED).toList();
            if (waiting.isEmpty()) {
                return now;
            }
            for (Snapshot snapshot : waiting) {
                if (snapshot.state() == SnapshotState.ERROR) {
                    throw new ProviderException("node " + node + ": seed snapshot " + snapshot.snapshotId() + " failed: "
                            + snapshot.stateMessage(), "look at the snapshot in the EC2 console, delete it, and run 'neckbeard up' again");
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ProviderException("node " + node + ": seed snapshots " + waiting.stream().map(Snapshot::snapshotId).toList()
                        + " are still not completed", "raise ec2.snapshot_timeout, or run 'neckbeard up' again later: it waits for the same snapshots");
            }
            backoff.sleep();
            List<String> ids = waiting.stream().map(Snapshot::snapshotId).toList();
            try {
                ec2.describeSnapshots(d -> d.snapshotIds(ids)).snapshots()
                        .forEach(s -> now.replaceAll((device, old) -> old.snapshotId().equals(s.snapshotId()) ? s : old));
            } catch (RuntimeException e) {
                throw AwsErrors.translate(e, "wait for the seed snapshots of node " + node);
            }
        }
    }

    private static String tag(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }
}
