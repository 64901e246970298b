package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsErrors;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Elastic IPs of ec2 nodes ({@code ec2.elastic_ip}). The setting travels on the instance as
 * its {@value #TAG} tag, so promote and terminate know it without the node's settings.
 * <ul>
 *   <li>{@code allocate}: neckbeard allocates one address per node name, tagged with the node's
 *       {@code neckbeard:*} tags; its {@code neckbeard:generation} tag follows the instance that
 *       holds it. It is released when that instance is terminated.</li>
 *   <li>an allocation id or a public IP: associated only, never released.</li>
 * </ul>
 * An address another instance holds (the active generation's node, while a pending one is
 * launched) is left where it is at launch and moved at promote ({@link #moveTo}).
 */
final class ElasticIps {
    static final String TAG = "neckbeard:elastic_ip";
    private static final Logger LOG = LoggerFactory.getLogger(ElasticIps.class);
    private static final Set<String> GONE_CODES = Set.of("InvalidAssociationID.NotFound", "InvalidAllocationID.NotFound",
            "InvalidAddress.NotFound");

    private final Ec2Client ec2;

    ElasticIps(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * At launch: associates the node's address with {@code instanceId} unless another instance
     * holds it; allocates one first for {@code allocate} when the node has none yet.
     *
     * @param tags the node's {@code neckbeard:*} tags (an allocated address gets them)
     * @return the address's public IP when the instance holds it now, else null (it arrives at promote)
     */
    String atLaunch(String instanceId, Map<String, String> tags, String setting) {
        Address address = find(setting, tags, all("look up the Elastic IP of node " + tags.get(Tags.NODE)));
        if (address == null) {
            if (!Ec2Settings.ALLOCATE.equals(setting)) {
                throw missing(setting, tags.get(Tags.NODE));
            }
            address = allocate(tags);
        }
        String holder = holder(address);
        if (holder != null && !holder.equals(instanceId)) {
            LOG.info("node {}: Elastic IP {} stays with instance {} until promote", tags.get(Tags.NODE), address.publicIp(), holder);
            return null;
        }
        if (holder == null) {
            associate(address, instanceId, tags);
        }
        return address.publicIp();
    }

    /** At promote and rollback: each node of {@code nowActive} that has an Elastic IP takes it over, one DescribeAddresses for all. */
    void moveTo(List<Resource> nowActive) {
        List<Resource> holders = nowActive.stream().filter(r -> r.tags().containsKey(TAG)).toList();
        if (holders.isEmpty()) {
            return;
        }
        List<Address> all = all("look up the Elastic IPs to move");
        for (Resource resource : holders) {
            String setting = resource.tags().get(TAG);
            Address address = find(setting, resource.tags(), all);
            if (address == null) {
                if (!Ec2Settings.ALLOCATE.equals(setting)) {
                    throw missing(setting, resource.tags().get(Tags.NODE));
                }
                address = allocate(resource.tags());
            }
            if (!resource.id().equals(holder(address))) {
                associate(address, resource.id(), resource.tags());
                LOG.info("node {}: Elastic IP {} moved to instance {}", resource.tags().get(Tags.NODE), address.publicIp(), resource.id());
            }
        }
    }

    /**
     * After the instance of {@code resource} is terminated: its associations end, and an address
     * neckbeard allocated for it is released; an address it was only given is left allocated.
     *
     * @param before the addresses as they were before the instance was terminated
     */
    void afterTerminate(Resource resource, List<Address> before) {
        for (Address address : before) {
            boolean held = resource.id().equals(holder(address));
            if (held) {
                ignoringGone(() -> ec2.disassociateAddress(d -> d.associationId(address.associationId())),
                        "detach Elastic IP " + address.publicIp() + " from " + resource.id());
            }
            if (allocatedFor(address, resource) && (held || holder(address) == null)) {
                ignoringGone(() -> ec2.releaseAddress(r -> r.allocationId(address.allocationId())),
                        "release Elastic IP " + address.publicIp());
                LOG.info("released Elastic IP {} of instance {}", address.publicIp(), resource.id());
            }
        }
    }

    /** Every Elastic IP of the region, in one call (DescribeAddresses is not paginated; an account has few). */
    List<Address> all(String action) {
        try {
            return ec2.describeAddresses().addresses();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, action);
        }
    }

    /** The address {@code setting} names for the node with {@code tags}, among {@code all}; null when there is none. */
    private static Address find(String setting, Map<String, String> tags, List<Address> all) {
        return all.stream().filter(a -> Ec2Settings.ALLOCATE.equals(setting)
                ? ours(a, tags.get(Tags.APP), tags.get(Tags.ENV)) && Objects.equals(tag(a, Tags.NODE), tags.get(Tags.NODE))
                : setting.equals(a.allocationId()) || setting.equals(a.publicIp())).findFirst().orElse(null);
    }

    /** Whether neckbeard allocated {@code address} for the node of {@code resource} (by its tags). */
    private static boolean allocatedFor(Address address, Resource resource) {
        return ours(address, resource.tags().get(Tags.APP), resource.tags().get(Tags.ENV))
                && Objects.equals(tag(address, Tags.NODE), resource.tags().get(Tags.NODE))
                && (resource.id().equals(holder(address))
                || Objects.equals(tag(address, Tags.GENERATION), resource.tags().get(Tags.GENERATION)));
    }

    /** The instance that holds the address, or null (EC2 may answer an empty id for none). */
    private static String holder(Address address) {
        return address.instanceId() == null || address.instanceId().isBlank() ? null : address.instanceId();
    }

    private static boolean ours(Address address, String app, String environment) {
        return app != null && app.equals(tag(address, Tags.APP)) && Objects.equals(tag(address, Tags.ENV), environment);
    }

    private Address allocate(Map<String, String> tags) {
        try {
            var allocated = ec2.allocateAddress(a -> a.domain(DomainType.VPC).tagSpecifications(TagSpecification.builder()
                    .resourceType(ResourceType.ELASTIC_IP).tags(ec2Tags(tags)).build()));
            LOG.info("node {}: allocated Elastic IP {}", tags.get(Tags.NODE), allocated.publicIp());
            return Address.builder().allocationId(allocated.allocationId()).publicIp(allocated.publicIp())
                    .tags(ec2Tags(tags)).build();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "allocate an Elastic IP for node " + tags.get(Tags.NODE));
        }
    }

    /** Associates (moving it from any other instance) and, for an address neckbeard allocated, tags it with its new holder's generation. */
    private void associate(Address address, String instanceId, Map<String, String> tags) {
        try {
            ec2.associateAddress(a -> a.allocationId(address.allocationId()).instanceId(instanceId).allowReassociation(true));
            if (ours(address, tags.get(Tags.APP), tags.get(Tags.ENV))) {
                ec2.createTags(t -> t.resources(address.allocationId())
                        .tags(Tag.builder().key(Tags.GENERATION).value(tags.get(Tags.GENERATION)).build()));
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "associate Elastic IP " + address.publicIp() + " with instance " + instanceId);
        }
    }

    private void ignoringGone(Runnable call, String action) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (!(e instanceof AwsServiceException service && service.awsErrorDetails() != null
                    && GONE_CODES.contains(service.awsErrorDetails().errorCode()))) {
                throw AwsErrors.translate(e, action);
            }
        }
    }

    private static ProviderException missing(String setting, String node) {
        return new ProviderException("node " + node + ": there is no Elastic IP " + setting + " in this account and region",
                "allocate it first ('aws ec2 allocate-address'), correct ec2.elastic_ip, or write elastic_ip: allocate");
    }

    private static String tag(Address address, String key) {
        return address.tags().stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }

    /** {@code tags} as EC2 tags for what is not the instance (volumes, snapshots, addresses): without {@value #TAG}. */
    static List<Tag> ec2Tags(Map<String, String> tags) {
        return tags.entrySet().stream().filter(e -> !e.getKey().equals(TAG))
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
