package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsErrors;
import io.neckbeard.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DbSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The snapshot a new database is seeded from: taken of the seed database once (a re-run finds it
 * by its name and waits for it instead of taking another), tagged with the new node's tags, and
 * waited for until {@code available}.
 */
final class RdsSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(RdsSnapshots.class);

    private final RdsClient rds;
    private final Duration firstPoll;

    RdsSnapshots(RdsClient rds, Duration firstPoll) {
        this.rds = rds;
        this.firstPoll = firstPoll;
    }

    /** Takes snapshot {@code snapshot} of database {@code source} unless it exists, and waits until it is available. */
    void takeAndAwait(String source, String snapshot, List<Tag> tags, String node, Duration timeout) {
        if (find(snapshot, node) == null) {
            try {
                rds.createDBSnapshot(c -> c.dbInstanceIdentifier(source).dbSnapshotIdentifier(snapshot).tags(tags));
            } catch (RuntimeException e) {
                throw AwsErrors.translate(e, "take snapshot " + snapshot + " of seed database " + source + " for node " + node);
            }
            LOG.info("node {}: taking snapshot {} of seed database {}", node, snapshot, source);
        } else {
            LOG.info("node {}: found snapshot {} an earlier run took", node, snapshot);
        }
        Instant deadline = Instant.now().plus(timeout);
        Backoff backoff = new Backoff(firstPoll, RdsDatabases.MAX_POLL);
        while (true) {
            DBSnapshot found = find(snapshot, node);
            String status = found == null ? "creating" : found.status();
            if ("available".equals(status)) {
                return;
            }
            if (found != null && !"creating".equals(status)) {
                throw new ProviderException("node " + node + ": seed snapshot " + snapshot + " is " + status + " instead of available",
                        "look at the snapshot in the RDS console, delete it, and run 'neckbeard up' again (or set rds.seed: none)");
            }
            if (Instant.now().plus(backoff.next()).isAfter(deadline)) {
                throw new ProviderException("node " + node + ": seed snapshot " + snapshot + " is still " + status + " after " + timeout,
                        "raise rds.launch_timeout if the seed database is large, and run 'neckbeard up' again (it waits for the same snapshot)");
            }
            backoff.sleep();
        }
    }

    private DBSnapshot find(String snapshot, String node) {
        try {
            List<DBSnapshot> found = rds.describeDBSnapshots(d -> d.dbSnapshotIdentifier(snapshot)).dbSnapshots();
            return found.isEmpty() ? null : found.get(0);
        } catch (DbSnapshotNotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "look up seed snapshot " + snapshot + " for node " + node);
        }
    }
}
