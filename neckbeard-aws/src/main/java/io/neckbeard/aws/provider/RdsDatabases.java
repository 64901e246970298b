package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsClients;
import io.neckbeard.aws.AwsErrors;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RDS calls of the {@link RdsProvider}: one DB instance per node, named after (app, env,
 * generation, node) by {@link RdsNames}, so a launch first looks its name up and adopts the
 * database an interrupted run created. See docs/aws.md.
 */
final class RdsDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(RdsDatabases.class);
    static final Duration MAX_POLL = Duration.ofSeconds(30);

    private final RdsClient rds;
    private final Duration firstPoll;
    private final Clock clock;
    private final RdsParameterGroups parameterGroups;
    private final RdsSnapshots snapshots;

    /** @param firstPoll the first wait between two looks at a database being made; it doubles up to {@link #MAX_POLL} */
    RdsDatabases(RdsClient rds, Duration firstPoll, Clock clock) {
        this.rds = rds;
        this.firstPoll = firstPoll;
        this.clock = clock;
        this.parameterGroups = new RdsParameterGroups(rds);
        this.snapshots = new RdsSnapshots(rds, firstPoll);
    }

    /** On the run's RDS client (see {@link AwsClients}). */
    static RdsDatabases of(ProviderContext context, Duration firstPoll) {
        return new RdsDatabases(AwsClients.of(context).rds(), firstPoll, Clock.systemUTC());
    }

    /** Every live database tagged with (app, environment): RDS filters by tag only in its console, so the tags are read here. */
    List<Resource> discover(String app, String environment) {
        return describe(List.of(), "discover the rds databases of " + environment).stream().map(RdsResources::resource)
                .filter(r -> app.equals(r.tags().get(Tags.APP)) && environment.equals(r.tags().get(Tags.ENV)) && !r.gone())
                .toList();
    }

    Resource launch(LaunchRequest request) {
        String node = request.node().name();
        String id = RdsNames.instance(request.app(), request.environment(), request.generation(), node);
        RdsSettings settings = RdsSettings.of(request.params());
        DBInstance earlier = find(id, "look up node " + node);
        if (earlier != null) {
            adopt(RdsResources.resource(earlier), request);
            LOG.info("node {}: found database {} an earlier run created", node, id);
        } else {
            create(id, request, settings);
        }
        return RdsResources.resource(awaitServing(id, node, settings.launchTimeout()));
    }

    /** See {@link RdsProvider#update}: the parameter group's diff of a launch, and nothing else. */
    Resource update(Resource resource, LaunchRequest request) {
        parameterGroup(request, RdsSettings.of(request.params()));
        return resource;
    }

    private static void adopt(Resource earlier, LaunchRequest request) {
        Tags.requireOwner(earlier, request.app(), request.environment(),
                "rename or delete that database, or give this app or environment another name");
        if (earlier.gone()) {
            throw new ProviderException("node " + request.node().name() + ": its database " + earlier.id() + " is still being deleted",
                    "wait until RDS has deleted it ('aws rds wait db-instance-deleted --db-instance-identifier " + earlier.id()
                            + "') and run 'neckbeard up' again");
        }
    }

    private void create(String id, LaunchRequest request, RdsSettings settings) {
        String node = request.node().name();
        List<Tag> tags = tags(request, settings);
        String parameterGroup = parameterGroup(request, settings);
        RdsSeed seed = settings.seed();
        Resource seedFrom = seed.kind() == RdsSeed.Kind.NONE || seed.kind() == RdsSeed.Kind.GIVEN_SNAPSHOT ? null : request.seedFrom();
        if (seedFrom != null && !RdsProviderFactory.TYPE.equals(seedFrom.provider())) {
            throw new ProviderException("node " + node + ": its seed " + seedFrom.id() + " is a " + seedFrom.provider()
                    + " resource, not an rds database", "set rds.seed: none to create the database blank, or rds.seed: {snapshot: ID}");
        }
        try {
            if (seed.kind() == RdsSeed.Kind.GIVEN_SNAPSHOT) {
                restore(id, seed.snapshot(), settings, parameterGroup, tags);
            } else if (seedFrom != null && seed.kind() == RdsSeed.Kind.SNAPSHOT_OF_SEED) {
                String snapshot = RdsNames.seedSnapshot(id);
                snapshots.takeAndAwait(seedFrom.id(), snapshot, tags, node, settings.launchTimeout());
                restore(id, snapshot, settings, parameterGroup, tags);
            } else if (seedFrom != null) {
                rds.restoreDBInstanceToPointInTime(pointInTime(id, seedFrom.id(), seed, settings, parameterGroup, tags));
                LOG.info("node {}: restoring database {} from {} at {}", node, id, seedFrom.id(),
                        seed.restoreTime() == null ? "its latest restorable time" : seed.restoreTime());
            } else {
                rds.createDBInstance(blank(id, node, settings, parameterGroup, tags));
                LOG.info("node {}: creating database {}", node, id);
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "launch node " + node);
        }
    }

    private void restore(String id, String snapshot, RdsSettings settings, String parameterGroup, List<Tag> tags) {
        RestoreDbInstanceFromDbSnapshotRequest.Builder restore = RestoreDbInstanceFromDbSnapshotRequest.builder()
                .dbInstanceIdentifier(id).dbSnapshotIdentifier(snapshot).dbInstanceClass(settings.instanceClass())
                .dbParameterGroupName(parameterGroup).dbSubnetGroupName(settings.subnetGroup()).multiAZ(settings.multiAz())
                .publiclyAccessible(settings.publiclyAccessible()).port(settings.port()).tags(tags).copyTagsToSnapshot(true);
        if (!settings.securityGroups().isEmpty()) {
            restore.vpcSecurityGroupIds(settings.securityGroups());
        }
        rds.restoreDBInstanceFromDBSnapshot(restore.build());
        LOG.info("database {}: restoring from snapshot {}", id, snapshot);
    }

    private static RestoreDbInstanceToPointInTimeRequest pointInTime(String id, String source, RdsSeed seed, RdsSettings settings,
                                                                    String parameterGroup, List<Tag> tags) {
        RestoreDbInstanceToPointInTimeRequest.Builder restore = RestoreDbInstanceToPointInTimeRequest.builder()
                .sourceDBInstanceIdentifier(source).targetDBInstanceIdentifier(id).dbInstanceClass(settings.instanceClass())
                .dbParameterGroupName(parameterGroup).dbSubnetGroupName(settings.subnetGroup()).multiAZ(settings.multiAz())
                .publiclyAccessible(settings.publiclyAccessible()).port(settings.port()).tags(tags).copyTagsToSnapshot(true);
        if (seed.restoreTime() == null) {
            restore.useLatestRestorableTime(true);
        } else {
            restore.restoreTime(seed.restoreTime());
        }
        if (!settings.securityGroups().isEmpty()) {
            restore.vpcSecurityGroupIds(settings.securityGroups());
        }
        return restore.build();
    }

    /** The CreateDBInstance request; it holds the password, so it is never logged nor put in a message. */
    private static CreateDbInstanceRequest blank(String id, String node, RdsSettings settings, String parameterGroup, List<Tag> tags) {
        if (settings.username() == null || settings.password() == null) {
            throw new ProviderException("node " + node + ": rds.username and rds.password are required to create a blank database",
                    "set rds.username and rds.password: \"${env:DB_PASSWORD}\" (read from the environment, never stored)");
        }
        if (settings.password().contains("${")) {
            // the engine hands a tree it could not resolve before the launch over as written
            throw new ProviderException("node " + node + ": rds.password was not resolved before the launch",
                    "write rds.password as \"${env:VAR}\" alone, and keep ${node...} references out of the rds node's tree");
        }
        CreateDbInstanceRequest.Builder create = CreateDbInstanceRequest.builder()
                .dbInstanceIdentifier(id).engine(settings.engine()).engineVersion(settings.engineVersion())
                .dbInstanceClass(settings.instanceClass()).allocatedStorage(settings.allocatedStorage() == null ? 20 : settings.allocatedStorage())
                .dbName(settings.dbName()).masterUsername(settings.username()).masterUserPassword(settings.password())
                .port(settings.port()).dbParameterGroupName(parameterGroup).dbSubnetGroupName(settings.subnetGroup())
                .multiAZ(settings.multiAz()).publiclyAccessible(settings.publiclyAccessible())
                .backupRetentionPeriod(settings.backupRetentionDays()).tags(tags).copyTagsToSnapshot(true);
        if (!settings.securityGroups().isEmpty()) {
            create.vpcSecurityGroupIds(settings.securityGroups());
        }
        return create.build();
    }

    /** {@code rds.parameter_group}, or the group neckbeard keeps for {@code rds.parameters}, or null for RDS's default. */
    private String parameterGroup(LaunchRequest request, RdsSettings settings) {
        if (settings.parameterGroup() != null || settings.parameters().isEmpty()) {
            return settings.parameterGroup();
        }
        String family = settings.family();
        if (family == null) {
            throw new NeckbeardException(ExitCode.USAGE, "node " + request.node().name()
                    + ": rds.parameters needs the parameter group's family, which rds.engine and rds.engine_version do not give",
                    "set rds.engine_version (e.g. \"16.3\") or rds.parameter_group_family (e.g. postgres16)");
        }
        String name = RdsNames.parameterGroup(request.app(), request.environment(), request.node().type());
        Map<String, String> groupTags = new LinkedHashMap<>();
        groupTags.put(Tags.APP, request.app());
        groupTags.put(Tags.ENV, request.environment());
        groupTags.put(Tags.NAME, name);
        parameterGroups.ensure(name, family, settings.parameters(), sdkTags(groupTags));
        return name;
    }

    /** Waits with doubling polls until the database serves; a failed status or a timeout is the node's failure. */
    private DBInstance awaitServing(String id, String node, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Backoff backoff = new Backoff(firstPoll, MAX_POLL);
        String status = "creating";
        while (true) {
            DBInstance db = pollOnce(id, node);
            status = db == null ? status : db.dbInstanceStatus();
            ResourceState state = RdsResources.state(status);
            if (state == ResourceState.RUNNING) {
                return db;
            }
            if (state != ResourceState.PENDING) {
                throw new ProviderException("node " + node + ": database " + id + " is " + status + " instead of available",
                        "read why in its events ('aws rds describe-events --source-type db-instance --source-identifier " + id
                                + "'), fix the rds settings, delete the database and run 'neckbeard up' again");
            }
            if (clock.instant().plus(backoff.next()).isAfter(deadline)) {
                throw new ProviderException("node " + node + ": database " + id + " is still " + status + " after " + timeout,
                        "look at the database in the RDS console, raise rds.launch_timeout if it is slow to create, and run "
                                + "'neckbeard up' again (it waits for the same database)");
            }
            backoff.sleep();
        }
    }

    /** One look at the database while waiting: null while RDS does not list it yet, or when AWS throttled the look. */
    private DBInstance pollOnce(String id, String node) {
        try {
            return find(id, "wait for node " + node);
        } catch (ProviderException e) {
            if (e.getCause() instanceof AwsServiceException service && service.isThrottlingException()) {
                // the SDK's own retries were not enough: the next poll, later, asks again
                LOG.info("node {}: AWS throttled the look at database {}; asking again later", node, id);
                return null;
            }
            throw e;
        }
    }

    /** Many databases as RDS sees them now, in one (paginated) DescribeDBInstances; one RDS no longer knows is gone. */
    List<Resource> refreshAll(List<Resource> resources) {
        Filter ids = Filter.builder().name("db-instance-id").values(resources.stream().map(Resource::id).distinct().toList()).build();
        Map<String, Resource> now = new LinkedHashMap<>();
        for (DBInstance db : describe(List.of(ids), "refresh the rds databases")) {
            now.put(db.dbInstanceIdentifier(), RdsResources.resource(db));
        }
        return Refreshed.inOrder(resources, now);
    }

    /**
     * Deletes the database, leaving a final snapshot {@code <id>-final-<UTC time>} unless it was
     * launched with {@code rds.final_snapshot: false}. RDS goes on deleting after the call; a
     * database already being deleted, or unknown to RDS, is not an error.
     */
    void terminate(Resource resource) {
        boolean finalSnapshot = !"false".equals(resource.tags().get(RdsResources.FINAL_SNAPSHOT_TAG));
        String snapshot = RdsNames.finalSnapshot(resource.id(), clock.instant());
        try {
            rds.deleteDBInstance(d -> d.dbInstanceIdentifier(resource.id()).skipFinalSnapshot(!finalSnapshot)
                    .finalDBSnapshotIdentifier(finalSnapshot ? snapshot : null));
        } catch (DbInstanceNotFoundException | InvalidDbInstanceStateException alreadyGoing) {
            LOG.info("database {}: {}", resource.id(), alreadyGoing.awsErrorDetails().errorMessage());
            return;
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "delete database " + resource.id());
        }
        LOG.info("database {}: deleting{}", resource.id(), finalSnapshot ? ", final snapshot " + snapshot : " without a final snapshot");
    }

    private DBInstance find(String id, String action) {
        List<DBInstance> found = describe(List.of(Filter.builder().name("db-instance-id").values(id).build()), action);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<DBInstance> describe(List<Filter> filters, String action) {
        try {
            return rds.describeDBInstancesPaginator(d -> d.filters(filters)).dbInstances().stream().toList();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, action);
        }
    }

    /** The node's tags, and {@code neckbeard:final-snapshot=false} when its deletion is to leave none. */
    private static List<Tag> tags(LaunchRequest request, RdsSettings settings) {
        Map<String, String> tags = new LinkedHashMap<>(request.tags().isEmpty()
                ? Tags.of(request.app(), request.environment(), request.generation(), request.node().name()) : request.tags());
        if (!settings.finalSnapshot()) {
            tags.put(RdsResources.FINAL_SNAPSHOT_TAG, "false");
        }
        return sdkTags(tags);
    }

    private static List<Tag> sdkTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
