package io.neckbeard.aws.provider;

import io.neckbeard.core.Durations;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's {@code rds:} block, resolved. {@code instance_class} and {@code allocated_storage}
 * usually come from the node's size. {@code password} holds the value of a {@code ${env:VAR}}:
 * it goes to CreateDBInstance and nowhere else (no log line, message, tag or attribute).
 *
 * @param parameters     {@code rds.parameters}: the settings of the parameter group neckbeard keeps for the node type, empty for none
 * @param parameterGroup {@code rds.parameter_group}: an existing group to use instead, or null
 * @param finalSnapshot  whether deleting the database leaves a final snapshot ({@code final_snapshot}, default true)
 * @param launchTimeout  how long a launch waits for {@code available} ({@code launch_timeout}, default 60m)
 */
record RdsSettings(String engine, String engineVersion, String instanceClass, Integer allocatedStorage, String dbName,
                   String username, String password, Integer port, String parameterGroup, String parameterGroupFamily,
                   Map<String, String> parameters, String subnetGroup, List<String> securityGroups, Boolean multiAz,
                   Boolean publiclyAccessible, Integer backupRetentionDays, boolean finalSnapshot, RdsSeed seed,
                   Duration launchTimeout) {
    static final String BLOCK = "rds";
    static final Duration DEFAULT_LAUNCH_TIMEOUT = Duration.ofMinutes(60);

    RdsSettings {
        parameters = Map.copyOf(parameters);
        securityGroups = List.copyOf(securityGroups);
    }

    static RdsSettings of(Map<String, Object> params) {
        Map<?, ?> rds = params.get(BLOCK) instanceof Map<?, ?> map ? map : Map.of();
        List<String> groups = rds.get("security_groups") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rds.get("parameters") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> parameters.put(String.valueOf(key), String.valueOf(value)));
        }
        return new RdsSettings(text(rds, "engine"), text(rds, "engine_version"), text(rds, "instance_class"),
                number(rds, "allocated_storage"), text(rds, "db_name"), text(rds, "username"), text(rds, "password"),
                number(rds, "port"), text(rds, "parameter_group"), text(rds, "parameter_group_family"), parameters,
                text(rds, "subnet_group"), groups, flag(rds, "multi_az"), flag(rds, "publicly_accessible"),
                number(rds, "backup_retention_days"), !Boolean.FALSE.equals(flag(rds, "final_snapshot")),
                RdsSeed.of(rds.get("seed")),
                Durations.parseOr(rds.get("launch_timeout"), DEFAULT_LAUNCH_TIMEOUT, "rds.launch_timeout"));
    }

    /**
     * The family of the parameter group neckbeard creates: {@code parameter_group_family}, else
     * derived from the engine and its version ({@code postgres} 16.3 → {@code postgres16},
     * {@code mysql} 8.0.35 → {@code mysql8.0}); null when neither says.
     */
    String family() {
        if (parameterGroupFamily != null) {
            return parameterGroupFamily;
        }
        if (engine == null || engineVersion == null || !engineVersion.matches("\\d+(\\.\\d+)*")) {
            return null;
        }
        String[] parts = engineVersion.split("\\.");
        // PostgreSQL names its families by major version alone (since 10); the others by major.minor
        boolean majorOnly = engine.contains("postgres") && Integer.parseInt(parts[0]) >= 10;
        return majorOnly || parts.length == 1 ? engine + parts[0] : engine + parts[0] + "." + parts[1];
    }

    private static String text(Map<?, ?> block, String key) {
        Object value = block.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** A number, also when it came from a {@code ${...}} reference (resolved as text). */
    private static Integer number(Map<?, ?> block, String key) {
        Object value = block.get(key);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        try {
            return Integer.valueOf(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new NeckbeardException(ExitCode.USAGE, "rds." + key + " must be a whole number, found '" + value + "'",
                    "set rds." + key + " (or the variable it reads) to a number, e.g. 20");
        }
    }

    private static Boolean flag(Map<?, ?> block, String key) {
        Object value = block.get(key);
        return value == null ? null : value instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(value).trim());
    }
}
