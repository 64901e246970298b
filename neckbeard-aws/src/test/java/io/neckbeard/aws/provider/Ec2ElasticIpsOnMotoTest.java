package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.Tags;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** ec2.elastic_ip on moto: allocate or associate, move at promote and back at rollback, release only what neckbeard allocated. */
class Ec2ElasticIpsOnMotoTest extends Ec2OnMoto {
    private static final Map<String, Object> ALLOCATE = MotoEc2.params(Map.of("elastic_ip", "allocate", "address", "elastic_ip"));

    @Test
    void allocateGivesTheNodeATaggedAddressThatSshDialsAndTerminateReleases() {
        Resource web = provider.launch(MotoEc2.request("production", 1, "web-1", ALLOCATE));

        Address address = onlyAddress();
        assertThat(address.instanceId()).isEqualTo(web.id());
        assertThat(tags(address.tags())).containsAllEntriesOf(Tags.of("shop", "production", 1, "web-1"));
        assertThat(web.attributes()).containsEntry("public_ip", address.publicIp());
        assertThat(Ec2Provider.sshHost(web, Ec2Settings.of(ALLOCATE), "web-1")).isEqualTo(address.publicIp());

        provider.terminate(web);

        assertThat(ec2.describeAddresses().addresses()).isEmpty();
    }

    /**
     * A run killed right after its RunInstances left an instance with the node's tags and no
     * Elastic IP: the next {@code up} finds it by its tags and resumes it, which gives it its
     * address as a launch would, once, however often it is resumed.
     */
    @Test
    void anInstanceAnInterruptedRunLaunchedIsGivenItsAddressWhenResumed() {
        String id = ec2.runInstances(r -> r.imageId("ami-12c6146b").instanceType("t3.micro").minCount(1).maxCount(1)
                .tagSpecifications(t -> t.resourceType("instance").tags(Tags.of("shop", "production", 1, "web-1").entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())))
                .instances().get(0).instanceId();
        Resource found = provider.discover("shop", "production").get(0);
        assertThat(ec2.describeAddresses().addresses()).isEmpty();

        Resource resumed = provider.resume(found, MotoEc2.request("production", 1, "web-1", ALLOCATE));
        provider.resume(found, MotoEc2.request("production", 1, "web-1", ALLOCATE));

        Address address = onlyAddress();
        assertThat(resumed.id()).isEqualTo(id);
        assertThat(address.instanceId()).isEqualTo(id);
        assertThat(resumed.attributes()).containsEntry("public_ip", address.publicIp());
    }

    @Test
    void aGivenAddressIsAssociatedAndKeptWhenTheNodeIsTerminated() {
        AllocateAddressResponse given = ec2.allocateAddress(a -> a.domain(DomainType.VPC));
        Resource byId = provider.launch(MotoEc2.request("production", 1, "web-1",
                MotoEc2.params(Map.of("elastic_ip", given.allocationId()))));
        assertThat(onlyAddress().instanceId()).isEqualTo(byId.id());

        provider.terminate(byId);
        assertThat(onlyAddress().allocationId()).isEqualTo(given.allocationId());
        assertThat(onlyAddress().instanceId()).isNullOrEmpty();

        Resource byIp = provider.launch(MotoEc2.request("production", 1, "web-2", MotoEc2.params(Map.of("elastic_ip", given.publicIp()))));
        assertThat(onlyAddress().instanceId()).isEqualTo(byIp.id());
        provider.terminate(byIp);
        assertThat(onlyAddress().allocationId()).isEqualTo(given.allocationId());
    }

    @Test
    void thePendingNodeGetsTheActiveNodesAddressAtPromoteAndGivesItBackAtRollback() {
        Resource active = provider.launch(MotoEc2.request("production", 1, "web-1", ALLOCATE));
        String ip = onlyAddress().publicIp();

        Resource pending = provider.launch(MotoEc2.request("production", 2, "web-1", ALLOCATE));
        assertThat(onlyAddress().instanceId()).as("the active node keeps it while the pending one is built").isEqualTo(active.id());

        provider.promoted(provider.refreshAll(List.of(pending)), List.of(active));
        assertThat(onlyAddress().instanceId()).isEqualTo(pending.id());
        assertThat(onlyAddress().publicIp()).isEqualTo(ip);
        assertThat(tags(onlyAddress().tags())).containsEntry(Tags.GENERATION, "2");
        assertThat(provider.refresh(pending).attributes()).containsEntry("public_ip", ip);

        provider.promoted(provider.refreshAll(List.of(active)), List.of(pending));
        assertThat(onlyAddress().instanceId()).isEqualTo(active.id());
        assertThat(tags(onlyAddress().tags())).containsEntry(Tags.GENERATION, "1");

        provider.terminate(pending);
        assertThat(onlyAddress().instanceId()).as("terminating the generation that gave it back keeps it").isEqualTo(active.id());
        provider.terminate(active);
        assertThat(ec2.describeAddresses().addresses()).isEmpty();
    }

    @Test
    void aPendingNodeWhoseAddressNobodyHoldsTakesItAtLaunch() {
        Resource plain = provider.launch(MotoEc2.request("production", 1, "web-1"));

        Resource pending = provider.launch(MotoEc2.request("production", 2, "web-1", ALLOCATE));

        assertThat(onlyAddress().instanceId()).isEqualTo(pending.id());
        provider.promoted(provider.refreshAll(List.of(pending)), List.of(plain));
        assertThat(onlyAddress().instanceId()).isEqualTo(pending.id());
    }

    private Address onlyAddress() {
        List<Address> addresses = ec2.describeAddresses().addresses();
        assertThat(addresses).hasSize(1);
        return addresses.get(0);
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
