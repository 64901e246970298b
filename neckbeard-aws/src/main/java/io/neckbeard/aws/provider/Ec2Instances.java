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
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EC2 calls of the {@link Ec2Provider}: one instance per node, found again by its
 * {@code neckbeard:*} tags. A launch is one RunInstances, then waits in the {@link LaunchPoller}'s
 * rounds, shared by every launch of the run. It does not look the node up first: {@code up}
 * plans under the environment's lock from one discovery by tags, so an instance a killed run
 * launched is planned as the node's and never launched again; EC2's client token covers a
 * retried call and an instance discovery could not see yet. See docs/aws.md.
 */
final class Ec2Instances {
    private static final Logger LOG = LoggerFactory.getLogger(Ec2Instances.class);
    /** The states of an instance that still is (or is becoming) the node's. */
    static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");
    static final Duration MAX_POLL = Duration.ofSeconds(15);

    private final Ec2Client ec2;
    private final Duration firstPoll;
    private final int pageSize;
    private final StatusChecks statusChecks;
    private final LaunchPoller poller;
    private final Ec2Volumes volumes;
    private final ElasticIps elasticIps;

    /**
     * @param firstPoll the first wait between two looks at a booting instance; it doubles up to {@link #MAX_POLL}
     * @param pageSize  DescribeInstances' page size (5 to 1000); the paginator follows NextToken across pages
     */
    Ec2Instances(Ec2Client ec2, Duration firstPoll, int pageSize) {
        this.ec2 = ec2;
        this.firstPoll = firstPoll;
        this.pageSize = pageSize;
        this.statusChecks = new StatusChecks(ec2);
        this.poller = new LaunchPoller(ids -> describe(List.of(instanceIds(ids)), "wait for the launched ec2 instances"),
                statusChecks, firstPoll, MAX_POLL);
        this.volumes = new Ec2Volumes(ec2, () -> new Backoff(firstPoll, MAX_POLL));
        this.elasticIps = new ElasticIps(ec2);
    }

    /** On the run's EC2 client (see {@link AwsClients}). */
    static Ec2Instances of(ProviderContext context, Duration firstPoll) {
        return new Ec2Instances(AwsClients.of(context).ec2(), firstPoll, Ec2Resources.PAGE_SIZE);
    }

    List<Resource> discover(String app, String environment) {
        List<Filter> filters = List.of(tag(Tags.APP, app), tag(Tags.ENV, environment), liveStates());
        return describe(filters, "discover the ec2 nodes of " + environment).stream().map(i -> Ec2Resources.resource(i, null)).toList();
    }

    Resource launch(LaunchRequest request) {
        String node = request.node().name();
        Ec2Settings settings = Ec2Settings.of(request.params(), request.node().index());
        Map<String, String> tags = tags(request, settings);
        Map<String, Snapshot> seeds = volumes.seedSnapshots(request, settings, tags, Instant.now().plus(settings.snapshotTimeout()));
        String instanceId = run(request, settings, tags, Ec2Volumes.mappings(settings.volumes(), seeds));
        LOG.info("node {}: launched instance {}", node, instanceId);
        return ready(instanceId, node, settings, tags);
    }

    /** An instance an interrupted run launched: waited for and given its Elastic IP as {@link #launch} would. */
    Resource resume(Resource found, LaunchRequest request) {
        Ec2Settings settings = Ec2Settings.of(request.params(), request.node().index());
        LOG.info("node {}: goes on with instance {}, launched by an interrupted run", request.node().name(), found.id());
        return ready(found.id(), request.node().name(), settings, tags(request, settings));
    }

    private static Map<String, String> tags(LaunchRequest request, Ec2Settings settings) {
        Map<String, String> tags = new LinkedHashMap<>(request.tags().isEmpty()
                ? Tags.of(request.app(), request.environment(), request.generation(), request.node().name()) : request.tags());
        if (settings.elasticIp() != null) {
            tags.put(ElasticIps.TAG, settings.elasticIp());
        }
        if (settings.addressOverride() != null) {
            tags.put(Ec2Resources.ADDRESS_OVERRIDE_TAG, settings.addressOverride());
        }
        return tags;
    }

    /** Waits until the instance runs (and passes its status checks), then gives it its Elastic IP. */
    private Resource ready(String instanceId, String node, Ec2Settings settings, Map<String, String> tags) {
        Instance instance = poller.await(instanceId, node, settings.statusChecks(), Instant.now().plus(settings.launchTimeout()),
                settings.launchTimeout());
        if (settings.elasticIp() != null && elasticIps.atLaunch(instanceId, tags, settings.elasticIp()) != null) {
            instance = describeOne(instanceId, node); // its public address is the Elastic IP now
        }
        return Ec2Resources.resource(instance, null);
    }

    /** The poll rounds the launches of this run shared so far (the unit of their call budget, docs/aws.md). */
    int pollRounds() {
        return poller.rounds();
    }

    private String run(LaunchRequest request, Ec2Settings settings, Map<String, String> tags, List<BlockDeviceMapping> devices) {
        List<Tag> instanceTags = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        RunInstancesRequest.Builder run = RunInstancesRequest.builder()
                .imageId(settings.imageId())
                .instanceType(settings.instanceType())
                .minCount(1).maxCount(1)
                .clientToken(ClientTokens.of(request.clientToken()))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(instanceTags).build(),
                        TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(ElasticIps.ec2Tags(tags)).build())
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
        if (!devices.isEmpty()) {
            run.blockDeviceMappings(devices);
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

    /**
     * Many resources as EC2 sees them now: one paginated DescribeInstances, then one
     * DescribeInstanceStatus (per 100 running instances) for their status checks. One EC2 no
     * longer knows is gone; a running one whose status checks are impaired is unreachable.
     * Up to {@value LaunchPoller#IDS_PER_CALL} ids are named in an {@code instance-id} filter;
     * beyond that EC2 refuses the filter, so the region's instances are listed, 1,000 a page, and
     * kept to those asked for: the calls then follow the account's instances, not the nodes asked
     * about (as {@link StatusChecks} does), and an adopted instance without neckbeard's tags is
     * still found.
     */
    List<Resource> refreshAll(Collection<Resource> resources) {
        List<String> ids = resources.stream().map(Resource::id).distinct().toList();
        Set<String> asked = Set.copyOf(ids);
        List<Instance> instances = ids.size() <= LaunchPoller.IDS_PER_CALL
                ? describe(List.of(instanceIds(ids)), "refresh the ec2 nodes")
                : describe(List.of(), "refresh the ec2 nodes").stream().filter(i -> asked.contains(i.instanceId())).toList();
        List<String> running = instances.stream().filter(i -> i.state().name() == InstanceStateName.RUNNING)
                .map(Instance::instanceId).toList();
        Map<String, InstanceStatus> statuses = running.isEmpty() ? Map.of() : statusChecks.of(running, "refresh the ec2 nodes' status checks");
        Map<String, Resource> now = new LinkedHashMap<>();
        for (Instance instance : instances) {
            now.put(instance.instanceId(), Ec2Resources.resource(instance, statuses.get(instance.instanceId())));
        }
        return Refreshed.inOrder(resources, now);
    }

    /** Terminates the instance and waits until it is gone; then its Elastic IP is let go (released when neckbeard allocated it). */
    void terminate(Resource resource) {
        List<Address> addresses = resource.tags().containsKey(ElasticIps.TAG)
                ? elasticIps.all("look up the Elastic IP of instance " + resource.id()) : List.of();
        try {
            ec2.terminateInstances(t -> t.instanceIds(resource.id()));
        } catch (RuntimeException e) {
            if (!notFound(e)) {
                throw AwsErrors.translate(e, "terminate instance " + resource.id());
            }
        }
        awaitGone(resource);
        elasticIps.afterTerminate(resource, addresses);
    }

    /** {@link ElasticIps#moveTo}: the nodes that are active now take their Elastic IPs over. */
    void promoted(List<Resource> nowActive) {
        elasticIps.moveTo(nowActive);
    }

    private void awaitGone(Resource resource) {
        Instant deadline = Instant.now().plus(Ec2Settings.DEFAULT_LAUNCH_TIMEOUT);
        Backoff backoff = new Backoff(firstPoll, MAX_POLL);
        while (!gone(resource.id())) {
            if (Instant.now().isAfter(deadline)) {
                throw new ProviderException("instance " + resource.id() + " is still shutting down after " + Ec2Settings.DEFAULT_LAUNCH_TIMEOUT,
                        "look at the instance in the EC2 console and run the command again");
            }
            backoff.sleep();
        }
    }

    private boolean gone(String instanceId) {
        return describe(List.of(instanceIds(List.of(instanceId))), "wait for instance " + instanceId)
                .stream().allMatch(i -> Ec2Resources.state(i) == ResourceState.GONE);
    }

    private Instance describeOne(String instanceId, String node) {
        return describe(List.of(instanceIds(List.of(instanceId))), "look at node " + node).get(0);
    }

    private List<Instance> describe(List<Filter> filters, String action) {
        try {
            return ec2.describeInstancesPaginator(d -> d.filters(filters).maxResults(pageSize)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).toList();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, action);
        }
    }

    private static Filter instanceIds(Collection<String> ids) {
        return Filter.builder().name("instance-id").values(ids).build();
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
}
