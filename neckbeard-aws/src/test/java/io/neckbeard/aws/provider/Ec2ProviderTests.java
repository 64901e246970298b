package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ec2 provider against an AWS API emulator: the same tests run on moto
 * ({@link Ec2ProviderOnMotoTest}, always) and on LocalStack ({@link Ec2ProviderOnLocalStackTest},
 * where Docker is). Each test starts from an account without live instances.
 */
abstract class Ec2ProviderTests {
    private Ec2Client ec2;

    /** A client of the emulator's EC2, on loopback, with dummy keys and no retries. */
    abstract Ec2Client connect();

    @BeforeEach
    void connectAndClear() {
        ec2 = connect();
        List<String> live = liveInstances().stream().map(Instance::instanceId).toList();
        if (!live.isEmpty()) {
            // an emulator that cannot be reset between tests (LocalStack): end what earlier tests launched
            ec2.terminateInstances(t -> t.instanceIds(live));
        }
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    @Test
    void launchTagsTheInstanceAndItsVolumesAndUsesTheSettings() {
        Subnet subnet = ec2.describeSubnets(d -> d.filters(Filter.builder().name("availability-zone").values("us-east-1b").build()))
                .subnets().get(0);
        Map<String, Object> settings = Map.of("image_id", "ami-12c6146b", "instance_type", "t3.small",
                "subnet_id", subnet.subnetId(), "user_data", "#!/bin/sh\necho hello\n");

        Resource resource = MotoEc2.provider(ec2, 1000).launch(MotoEc2.request("production", 3, "web-2", MotoEc2.params(settings)));

        Instance instance = instance(resource.id());
        Map<String, String> expected = Map.of(Tags.APP, "shop", Tags.ENV, "production", Tags.GENERATION, "3",
                Tags.NODE, "web-2", Tags.NAME, "shop-production-g3-web-2");
        assertThat(tags(instance.tags())).containsAllEntriesOf(expected);
        assertThat(instance.subnetId()).isEqualTo(subnet.subnetId());
        assertThat(instance.instanceTypeAsString()).isEqualTo("t3.small");
        assertThat(instance.imageId()).isEqualTo("ami-12c6146b");
        List<Volume> volumes = ec2.describeVolumes(d -> d.filters(
                Filter.builder().name("attachment.instance-id").values(resource.id()).build())).volumes();
        assertThat(volumes).isNotEmpty().allSatisfy(volume -> assertThat(tags(volume.tags())).containsAllEntriesOf(expected));
        assertThat(resource.state()).isEqualTo(ResourceState.RUNNING);
        assertThat(resource.tags()).isEqualTo(expected);
        assertThat(resource.attributes()).containsEntry("private_ip", instance.privateIpAddress()).containsEntry("az", "us-east-1b");
    }

    @Test
    void aRunKilledAfterItsLaunchLeavesAnInstanceTheNextRunsDiscoveryGivesAsThatNodeOfThatGeneration() {
        Resource launched = MotoEc2.provider(ec2, 1000).launch(MotoEc2.request("production", 2, "web-1"));

        // the next run (a new provider) plans from one discovery: the planner takes this instance as web-1 of generation 2
        List<Resource> found = MotoEc2.provider(ec2, 1000).discover("shop", "production");

        assertThat(found).singleElement().satisfies(resource -> {
            assertThat(resource.id()).isEqualTo(launched.id());
            assertThat(resource.tags()).containsEntry(Tags.NODE, "web-1").containsEntry(Tags.GENERATION, "2");
        });
    }

    @Test
    void anotherGenerationOrEnvironmentOfTheSameNodeGetsItsOwnInstance() {
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);
        Resource production = provider.launch(MotoEc2.request("production", 1, "web-1"));

        Resource nextGeneration = provider.launch(MotoEc2.request("production", 2, "web-1"));
        Resource staging = provider.launch(MotoEc2.request("staging", 1, "web-1"));

        assertThat(List.of(production.id(), nextGeneration.id(), staging.id())).doesNotHaveDuplicates();
    }

    @Test
    void discoverFindsEveryNodeOfTheEnvironmentAcrossPages() {
        Ec2Provider provider = MotoEc2.provider(ec2, 5);
        List<String> launched = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> provider.launch(MotoEc2.request("production", 1, "web-" + i)).id()).toList();
        provider.launch(MotoEc2.request("staging", 1, "web-1"));

        List<Resource> found = provider.discover("shop", "production");

        assertThat(found).extracting(Resource::id).containsExactlyInAnyOrderElementsOf(launched);
        assertThat(found).allSatisfy(resource -> assertThat(resource.tags()).containsEntry(Tags.ENV, "production"));
    }

    @Test
    void refreshAllAsksForManyInstancesAtOnceAndCallsAMissingOneGone() {
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);
        Resource web = provider.launch(MotoEc2.request("production", 1, "web-1"));
        Resource worker = provider.launch(MotoEc2.request("production", 1, "worker-1"));
        Resource vanished = new Resource("i-0123456789abcdef0", "ec2", "10.0.0.9", ResourceState.UNKNOWN, Map.of(), Map.of());
        ec2.stopInstances(s -> s.instanceIds(worker.id()));

        List<Resource> refreshed = provider.refreshAll(List.of(web, worker, vanished));

        assertThat(refreshed).extracting(Resource::id).containsExactly(web.id(), worker.id(), vanished.id());
        assertThat(refreshed).extracting(Resource::state)
                .containsExactly(ResourceState.RUNNING, ResourceState.STOPPED, ResourceState.GONE);
    }

    @Test
    void terminateEndsTheInstanceAndIsIdempotent() {
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);
        Resource web = provider.launch(MotoEc2.request("production", 1, "web-1"));

        provider.terminate(web);
        provider.terminate(web);

        assertThat(instance(web.id()).state().nameAsString()).isEqualTo("terminated");
        assertThat(provider.refresh(web).state()).isEqualTo(ResourceState.GONE);
        assertThat(provider.discover("shop", "production")).isEmpty();
    }

    @Test
    void aNodeWhoseInstanceWasTerminatedIsLaunchedAgain() {
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);
        Resource first = provider.launch(MotoEc2.request("production", 1, "web-1"));
        provider.terminate(first);

        Resource again = provider.launch(MotoEc2.request("production", 1, "web-1"));

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.state()).isEqualTo(ResourceState.RUNNING);
    }

    private Instance instance(String id) {
        return ec2.describeInstances(d -> d.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    /** Every instance that is not (being) terminated. */
    private List<Instance> liveInstances() {
        return ec2.describeInstances(d -> d.filters(Filter.builder().name("instance-state-name").values(Ec2Instances.LIVE_STATES).build()))
                .reservations().stream().flatMap(r -> r.instances().stream()).toList();
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
