package io.neckbeard.aws.provider;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The names neckbeard gives RDS resources, deterministic so a re-run finds what an interrupted
 * run made. RDS identifiers hold lowercase letters, digits and single hyphens, start with a
 * letter and do not end with a hyphen; a DB instance's has at most 63 characters. A name that
 * had to be changed to fit (case, other characters, length) gets 8 hex digits of the SHA-256 of
 * the name as written, so two names that fit to the same text stay apart.
 */
final class RdsNames {
    static final int INSTANCE_MAX = 63;
    static final int GROUP_MAX = 255;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RdsNames() {
    }

    /** The DB instance of node {@code node} of generation {@code generation}: {@code <app>-<env>-g<generation>-<node>}. */
    static String instance(String app, String environment, long generation, String node) {
        return identifier(app + "-" + environment + "-g" + generation + "-" + node, INSTANCE_MAX);
    }

    /** The parameter group neckbeard keeps for a node type of an environment: {@code <app>-<env>-<type>}. */
    static String parameterGroup(String app, String environment, String nodeType) {
        return identifier(app + "-" + environment + "-" + nodeType, GROUP_MAX);
    }

    /** The snapshot of the seed database a new database is restored from: one per new database, so a re-run finds it. */
    static String seedSnapshot(String instance) {
        return instance + "-seed";
    }

    /** The final snapshot left by deleting {@code instance} at {@code at}: {@code <instance>-final-20261202-031500}. */
    static String finalSnapshot(String instance, Instant at) {
        return instance + "-final-" + STAMP.format(at);
    }

    static String identifier(String name, int max) {
        String fitted = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (fitted.isEmpty() || !Character.isLetter(fitted.charAt(0))) {
            fitted = "nb-" + fitted;
        }
        if (fitted.equals(name) && fitted.length() <= max) {
            return fitted;
        }
        String hash = Digests.sha256Hex(name).substring(0, 8);
        String head = fitted.substring(0, Math.min(fitted.length(), max - hash.length() - 1)).replaceAll("-+$", "");
        return head + "-" + hash;
    }
}
