package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An RDS DB instance as the engine sees it: its endpoint (the address; {@code port}, {@code db_name}
 * and {@code engine} attributes, which other nodes read as {@code ${peers.<type>.<field>}}), its
 * RDS status (attribute {@code status}) and its neckbeard tags.
 */
final class RdsResources {
    static final String STATUS = "status";
    /** Tagged {@code false} on a database whose deletion leaves no final snapshot ({@code rds.final_snapshot: false}). */
    static final String FINAL_SNAPSHOT_TAG = "neckbeard:final-snapshot";
    /** The statuses in which the database serves: the ones RDS passes through while it works on a live database. */
    static final Set<String> SERVING = Set.of("available", "backing-up", "modifying", "storage-optimization", "maintenance",
            "configuring-enhanced-monitoring", "configuring-iam-database-auth", "configuring-log-exports",
            "resetting-master-credentials", "renaming", "storage-config-upgrade");
    /** The statuses a database does not leave by itself: a launch that meets one fails with it. */
    static final Set<String> FAILED = Set.of("failed", "incompatible-network", "incompatible-option-group",
            "incompatible-parameters", "incompatible-restore", "incompatible-credentials", "inaccessible-encryption-credentials",
            "inaccessible-encryption-credentials-recoverable", "restore-error", "storage-full", "insufficient-capacity");

    private RdsResources() {
    }

    static Resource resource(DBInstance db) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : db.tagList()) {
            if (tag.key().startsWith("neckbeard:") || tag.key().equals(Tags.NAME)) {
                tags.put(tag.key(), tag.value());
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Integer port = db.endpoint() != null && db.endpoint().port() != null ? db.endpoint().port() : db.dbInstancePort();
        if (port != null && port > 0) {
            attributes.put("port", port.toString());
        }
        put(attributes, "db_name", db.dbName());
        put(attributes, "engine", db.engine());
        put(attributes, STATUS, db.dbInstanceStatus());
        String address = db.endpoint() == null ? null : db.endpoint().address();
        return new Resource(db.dbInstanceIdentifier(), RdsProviderFactory.TYPE, address, state(db.dbInstanceStatus()), tags, attributes);
    }

    /** {@code available} and the other serving statuses are running; {@code deleting} is gone; a failed status is unreachable. */
    static ResourceState state(String status) {
        if (SERVING.contains(status)) {
            return ResourceState.RUNNING;
        }
        if (FAILED.contains(status)) {
            return ResourceState.UNREACHABLE;
        }
        return switch (status) {
            case "deleting" -> ResourceState.GONE;
            case "stopped", "stopping" -> ResourceState.STOPPED;
            default -> ResourceState.PENDING; // creating, starting, rebooting, upgrading, ...
        };
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
