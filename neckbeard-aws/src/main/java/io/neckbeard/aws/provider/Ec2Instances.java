package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsClients;
import io.neckbeard.aws.AwsErrors;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EC2 calls of the {@link Ec2Provider}: one instance per node, found again by its
 * {@code neckbeard:*} tags. A launch first looks the node up by its tags, so a run killed between
 * RunInstances and the coordinator's write never makes a second instance (EC2's client token
 * covers the same window for retried calls). See docs/aws.md.
 */
final class Ec2Instances {
    private static final Logger LOG = LoggerFactory.getLogger(Ec2Instances.class);
    /** The states of an instance that still is (or is becoming) the node's. */
    static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");
    static final Duration MAX_POLL = Duration.ofSeconds(15);

    private final Ec2Client ec2;
    private final Duration firstPoll;
    private final int pageSize;

    /**
     * @param firstPoll the first wait between two looks at a booting instance; it doubles up to {@link #MAX_POLL}
     * @param pageSize  DescribeInstances' page size (5 to 1000); the paginator follows NextToken across pages
     */
    Ec2Instances(Ec2Client ec2, Duration firstPoll, int pageSize) {
        this.ec2 = ec2;
        this.firstPoll = firstPoll;
        this.pageSize = pageSize;
    }

    /** On the run's EC2 client (see {@link AwsClients}). */
    static Ec2Instances of(ProviderContext context, Duration firstPoll) {
        return new Ec2Instances(AwsClients.of(context).ec2(), firstPoll, Ec2Resources.PAGE_SIZE);
    }

    List<Resource> discover(String app, String environment) {
        List<Filter> filters = List.of(tag(Tags.APP, app), tag(Tags.ENV, environment), liveStates());
        return describe(filters, "discover the ec2 nodes of " + environment).stream().map(Ec2Resources::resource).toList();
    }

    Resource launch(LaunchRequest request) {
        String node = request.node().name();
        Map<String, String> tags = request.tags().isEmpty()
                ? Tags.of(request.app(), request.environment(), request.generation(), node) : request.tags();
        List<Instance> earlier = describe(List.of(tag(Tags.APP, request.app()), tag(Tags.ENV, request.environment()),
                tag(Tags.GENERATION, Long.toString(request.generation())), tag(Tags.NODE, node), liveStates()),
                "look up node " + node);
        String instanceId;
        Ec2Settings settings = Ec2Settings.of(request.params());
        if (!earlier.isEmpty()) {
            instanceId = earlier.get(0).instanceId();
            LOG.info("node {}: found instance {} an earlier run launched", node, instanceId);
        } else {
            instanceId = run(request, settings, tags);
            LOG.info("node {}: launched instance {}", node, instanceId);
        }
        return Ec2Resources.resource(awaitRunning(instanceId, node, settings.launchTimeout()));
    }

    private String run(LaunchRequest request, Ec2Settings settings, Map<String, String> tags) {
        List<Tag> ec2Tags = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        RunInstancesRequest.Builder run = RunInstancesRequest.builder()
                .imageId(settings.imageId())
                .instanceType(settings.instanceType())
                .minCount(1).maxCount(1)
                .clientToken(ClientTokens.of(request.clientToken()))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(ec2Tags).build(),
                        TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(ec2Tags).build())
                .subnetId(settings.subnetId())
                .keyName(settings.keyName());
        List<String> groupIds = settings.securityGroups().stream().filter(g -> g.startsWith("sg-")).toList();
        List<String> groupNames = settings.securityGroups().stream().filter(g -> !g.startsWith("sg-")).toList();
        if (!groupIds.isEmpty()) {
            run.securityGroupIds(groupIds);
        }
        if (!groupNames.isEmpty()) {
            run.securityGroups(groupNames);
        }
        if (settings.instanceProfile() != null) {
            IamInstanceProfileSpecification.Builder profile = IamInstanceProfileSpecification.builder();
            run.iamInstanceProfile((settings.instanceProfile().startsWith("arn:")
                    ? profile.arn(settings.instanceProfile()) : profile.name(settings.instanceProfile())).build());
        }
        if (settings.userData() != null) {
            run.userData(Base64.getEncoder().encodeToString(settings.userData().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return ec2.runInstances(run.build()).instances().get(0).instanceId();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "launch node " + request.node().name());
        }
    }

    /** Polls with doubling waits until the instance runs; a terminated instance or a timeout is the node's failure. */
    private Instance awaitRunning(String instanceId, String node, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Duration wait = firstPoll;
        while (true) {
            List<Instance> found = describe(List.of(Filter.builder().name("instance-id").values(instanceId).build()),
                    "wait for node " + node);
            Instance instance = found.isEmpty() ? null : found.get(0);
            InstanceStateName state = instance == null ? InstanceStateName.PENDING : instance.state().name();
            if (state == InstanceStateName.RUNNING) {
                return instance;
            }
            if (state == InstanceStateName.TERMINATED || state == InstanceStateName.SHUTTING_DOWN) {
                String reason = instance.stateReason() == null ? "EC2 gave no reason" : instance.stateReason().message();
                throw new ProviderException("node " + node + ": instance " + instanceId + " ended " + state + " instead of running: " + reason,
                        "fix what EC2 names (image, instance type, capacity of the zone) and run 'neckbeard up' again");
            }
            if (state == InstanceStateName.STOPPED || state == InstanceStateName.STOPPING) {
                // an earlier run's instance someone stopped: starting it again is the operator's call
                throw new ProviderException("node " + node + ": its instance " + instanceId + " is " + state,
                        "start it ('aws ec2 start-instances --instance-ids " + instanceId + "') or terminate it, then run 'neckbeard up' again");
            }
            if (Instant.now().plus(wait).isAfter(deadline)) {
                throw new ProviderException("node " + node + ": instance " + instanceId + " is still " + state + " after " + timeout,
                        "look at the instance in the EC2 console, raise ec2.launch_timeout if it boots slowly, and run 'neckbeard up' again");
            }
            sleep(wait);
            wait = longer(wait);
        }
    }

    /** Many resources as EC2 sees them now, in one paginated DescribeInstances; one EC2 no longer knows is gone. */
    List<Resource> refreshAll(Collection<Resource> resources) {
        List<String> ids = resources.stream().map(Resource::id).toList();
        Map<String, Resource> now = new LinkedHashMap<>();
        for (Instance instance : describe(List.of(Filter.builder().name("instance-id").values(ids).build()), "refresh the ec2 nodes")) {
            now.put(instance.instanceId(), Ec2Resources.resource(instance));
        }
        List<Resource> refreshed = new ArrayList<>();
        for (Resource resource : resources) {
            Resource current = now.get(resource.id());
            refreshed.add(current != null ? current : new Resource(resource.id(), resource.provider(), resource.address(),
                    ResourceState.GONE, resource.tags(), resource.attributes()));
        }
        return refreshed;
    }

    void terminate(Resource resource) {
        try {
            ec2.terminateInstances(t -> t.instanceIds(resource.id()));
        } catch (RuntimeException e) {
            if (notFound(e)) {
                return;
            }
            throw AwsErrors.translate(e, "terminate instance " + resource.id());
        }
        Duration wait = firstPoll;
        Instant deadline = Instant.now().plus(Ec2Settings.DEFAULT_LAUNCH_TIMEOUT);
        while (!refreshAll(List.of(resource)).get(0).gone()) {
            if (Instant.now().isAfter(deadline)) {
                throw new ProviderException("instance " + resource.id() + " is still shutting down after " + Ec2Settings.DEFAULT_LAUNCH_TIMEOUT,
                        "look at the instance in the EC2 console and run the command again");
            }
            sleep(wait);
            wait = longer(wait);
        }
    }

    private List<Instance> describe(List<Filter> filters, String action) {
        try {
            return ec2.describeInstancesPaginator(d -> d.filters(filters).maxResults(pageSize)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).toList();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, action);
        }
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

    private static Filter liveStates() {
        return Filter.builder().name("instance-state-name").values(LIVE_STATES).build();
    }

    private static boolean notFound(RuntimeException e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && "InvalidInstanceID.NotFound".equals(service.awsErrorDetails().errorCode());
    }

    /** Doubles a wait between two polls, up to {@link #MAX_POLL}. */
    private static Duration longer(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(MAX_POLL) > 0 ? MAX_POLL : doubled;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for EC2", "run the command again");
        }
    }
}
