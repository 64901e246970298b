package io.neckbeard.aws.provider;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What a new database starts from ({@code rds.seed}). With a seed node (the same node of the seed
 * environment's active generation), {@code snapshot} (the default) restores a snapshot neckbeard
 * takes of it and {@code {restore_time: T}} restores it as it was at T ({@code latest}: its latest
 * restorable time); {@code {snapshot: ID}} restores that snapshot whatever the seed; {@code none}
 * creates the database blank. Without a seed node (a first generation) only a given snapshot is
 * restored: the other forms create it blank.
 *
 * @param snapshot    the snapshot of {@link Kind#GIVEN_SNAPSHOT}, else null
 * @param restoreTime the instant of {@link Kind#POINT_IN_TIME}, null for the latest restorable time
 */
record RdsSeed(Kind kind, String snapshot, Instant restoreTime) {
    enum Kind { SNAPSHOT_OF_SEED, GIVEN_SNAPSHOT, POINT_IN_TIME, NONE }

    static final String LATEST = "latest";
    static final String FORMS = "snapshot (the default), none, {snapshot: SNAPSHOT_ID} or {restore_time: latest | 2026-12-01T10:00:00Z}";

    /** @throws NeckbeardException exit 2 naming {@code rds.seed} when the value has none of the forms */
    static RdsSeed of(Object value) {
        if (value == null || "snapshot".equals(value)) {
            return new RdsSeed(Kind.SNAPSHOT_OF_SEED, null, null);
        }
        if ("none".equals(value)) {
            return new RdsSeed(Kind.NONE, null, null);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("snapshot") instanceof String snapshot && !snapshot.isBlank()) {
            return new RdsSeed(Kind.GIVEN_SNAPSHOT, snapshot, null);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("restore_time") instanceof String time) {
            return new RdsSeed(Kind.POINT_IN_TIME, null, LATEST.equals(time) ? null : instant(time));
        }
        throw invalid("rds.seed must be one of " + FORMS + ", found " + value);
    }

    private static Instant instant(String time) {
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw invalid("rds.seed.restore_time must be latest or an ISO-8601 instant, found " + time);
        }
    }

    private static NeckbeardException invalid(String message) {
        return new NeckbeardException(ExitCode.USAGE, message, "write rds.seed as " + FORMS);
    }
}
