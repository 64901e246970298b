package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

/** An EC2 instance as the engine sees it: its state, its neckbeard tags and its addresses. */
final class Ec2Resources {
    static final String PRIVATE_IP = "private_ip";
    static final String PUBLIC_IP = "public_ip";
    static final String AZ = "az";
    static final String INSTANCE_TYPE = "instance_type";
    /** DescribeInstances' largest page. */
    static final int PAGE_SIZE = 1000;

    private Ec2Resources() {
    }

    static Resource resource(Instance instance) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : instance.tags()) {
            if (tag.key().startsWith("neckbeard:") || tag.key().equals(Tags.NAME)) {
                tags.put(tag.key(), tag.value());
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, PRIVATE_IP, instance.privateIpAddress());
        put(attributes, PUBLIC_IP, instance.publicIpAddress());
        put(attributes, AZ, instance.placement() == null ? null : instance.placement().availabilityZone());
        put(attributes, INSTANCE_TYPE, instance.instanceTypeAsString());
        String address = instance.publicIpAddress() != null ? instance.publicIpAddress() : instance.privateIpAddress();
        return new Resource(instance.instanceId(), Ec2ProviderFactory.TYPE, address, state(instance), tags, attributes);
    }

    static ResourceState state(Instance instance) {
        return switch (instance.state().name()) {
            case RUNNING -> ResourceState.RUNNING;
            case PENDING -> ResourceState.PENDING;
            case STOPPING, STOPPED -> ResourceState.STOPPED;
            case SHUTTING_DOWN, TERMINATED -> ResourceState.GONE;
            default -> ResourceState.UNKNOWN;
        };
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
