package io.neckbeard.aws.provider;

import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ec2.volumes on moto: block device mappings, their tags, and the snapshot chain of a seeded launch. */
class Ec2VolumesOnMotoTest extends Ec2OnMoto {
    private static final Map<String, Object> DATA_VOLUME = Map.of("device", "/dev/sdf", "size_gb", 20, "type", "gp3",
            "iops", 3000, "encrypted", true, "delete_on_termination", false);

    @Test
    void aNodeGetsItsVolumesAsSetTaggedLikeTheInstance() {
        Resource db = provider.launch(MotoEc2.request("production", 1, "db-1", MotoEc2.params(Map.of("volumes", List.of(DATA_VOLUME)))));

        Volume data = volume(db.id(), "/dev/sdf");
        assertThat(data.size()).isEqualTo(20);
        assertThat(data.volumeTypeAsString()).isEqualTo("gp3");
        assertThat(data.iops()).isEqualTo(3000);
        assertThat(data.encrypted()).isTrue();
        assertThat(data.snapshotId()).isNullOrEmpty();
        assertThat(tags(data.tags())).containsAllEntriesOf(Tags.of("shop", "production", 1, "db-1"));
    }

    @Test
    void aSeededLaunchSnapshotsTheSeedNodesVolumesAndStartsItsOwnFromThem() {
        Map<String, Object> params = MotoEc2.params(Map.of("volumes", List.of(DATA_VOLUME)));
        Resource seed = provider.launch(MotoEc2.request("production", 4, "db-1", params));
        String seedVolume = volume(seed.id(), "/dev/sdf").volumeId();

        Resource staging = provider.launch(MotoEc2.request("staging", 2, "db-1", params, seed));

        List<Snapshot> snapshots = ec2.describeSnapshots(d -> d.ownerIds("self")).snapshots();
        assertThat(snapshots).hasSize(1);
        Snapshot snapshot = snapshots.get(0);
        assertThat(snapshot.volumeId()).isEqualTo(seedVolume);
        assertThat(snapshot.stateAsString()).isEqualTo("completed");
        assertThat(tags(snapshot.tags())).containsAllEntriesOf(Tags.of("shop", "staging", 2, "db-1"))
                .containsEntry("neckbeard:device", "/dev/sdf");
        Volume restored = volume(staging.id(), "/dev/sdf");
        assertThat(restored.snapshotId()).isEqualTo(snapshot.snapshotId());
        assertThat(tags(restored.tags())).containsAllEntriesOf(Tags.of("shop", "staging", 2, "db-1"));
    }

    @Test
    void aRelaunchAfterAnInterruptedSeededLaunchReusesTheSnapshotsItTook() {
        Map<String, Object> params = MotoEc2.params(Map.of("volumes", List.of(DATA_VOLUME)));
        Resource seed = provider.launch(MotoEc2.request("production", 4, "db-1", params));
        Resource first = provider.launch(MotoEc2.request("staging", 2, "db-1", params, seed));
        // the instance vanished before the coordinator recorded it; its snapshot remains
        provider.terminate(first);

        Resource again = provider.launch(MotoEc2.request("staging", 2, "db-1", params, seed));

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(ec2.describeSnapshots(d -> d.ownerIds("self")).snapshots()).hasSize(1);
    }

    @Test
    void seedNoneStartsTheVolumesBlank() {
        Resource seed = provider.launch(MotoEc2.request("production", 4, "db-1", MotoEc2.params(Map.of("volumes", List.of(DATA_VOLUME)))));

        Resource staging = provider.launch(MotoEc2.request("staging", 2, "db-1",
                MotoEc2.params(Map.of("volumes", List.of(DATA_VOLUME), "seed", "none")), seed));

        assertThat(volume(staging.id(), "/dev/sdf").snapshotId()).isNullOrEmpty();
        assertThat(ec2.describeSnapshots(d -> d.ownerIds("self")).snapshots()).isEmpty();
    }

    @Test
    void aSeedThatIsNoEc2NodeFailsTheLaunchSayingHowToGoOn() {
        Resource local = new Resource("dev/g1-db-1", "local", "127.0.0.1", ResourceState.RUNNING, Map.of(), Map.of());

        assertThatThrownBy(() -> provider.launch(MotoEc2.request("staging", 2, "db-1",
                MotoEc2.params(Map.of("volumes", List.of(DATA_VOLUME))), local)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("its seed node is a local resource")
                .satisfies(e -> assertThat(((ProviderException) e).remedy()).contains("ec2.seed: none"));
    }

    private Volume volume(String instanceId, String device) {
        return ec2.describeVolumes(d -> d.filters(Filter.builder().name("attachment.instance-id").values(instanceId).build()))
                .volumes().stream().filter(v -> v.attachments().stream().anyMatch(a -> a.device().equals(device)))
                .findFirst().orElseThrow();
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
