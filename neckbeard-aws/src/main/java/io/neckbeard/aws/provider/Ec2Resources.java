package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An EC2 instance as the engine sees it: its state, its neckbeard tags, its addresses and, when
 * they were asked for, its status checks ({@value #STATUS_CHECKS}: {@code ok}, {@code initializing},
 * ... or {@code impaired (...)} with what EC2 says; an impaired instance is {@code unreachable}).
 */
final class Ec2Resources {
    static final String PRIVATE_IP = "private_ip";
    static final String PUBLIC_IP = "public_ip";
    static final String AZ = "az";
    static final String INSTANCE_TYPE = "instance_type";
    static final String STATUS_CHECKS = "status_checks";
    /** DescribeInstances' largest page. */
    static final int PAGE_SIZE = 1000;

    private Ec2Resources() {
    }

    /** @param status its status checks, or null when they were not asked for (or EC2 has none yet) */
    static Resource resource(Instance instance, InstanceStatus status) {
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
        ResourceState state = state(instance);
        if (status != null && state == ResourceState.RUNNING) {
            boolean impaired = StatusChecks.impaired(status);
            put(attributes, STATUS_CHECKS, impaired ? "impaired (" + StatusChecks.describe(status) + ")"
                    : StatusChecks.passed(status) ? "ok" : StatusChecks.describe(status));
            state = impaired ? ResourceState.UNREACHABLE : state;
        }
        String address = instance.publicIpAddress() != null ? instance.publicIpAddress() : instance.privateIpAddress();
        return new Resource(instance.instanceId(), Ec2ProviderFactory.TYPE, address, state, tags, attributes);
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
