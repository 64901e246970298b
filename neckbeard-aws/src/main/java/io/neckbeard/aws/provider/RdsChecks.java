package io.neckbeard.aws.provider;

import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.model.ParamProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of the {@code rds:} keys that are more than a type: the password's source, the seed's forms, the parameters. */
final class RdsChecks {
    private RdsChecks() {
    }

    /** The password must come from {@code ${env:VAR}}: a value written in the configuration would be stored and digested with it. */
    static List<ParamProblem> password(Object value) {
        if (value == null || value instanceof String text && text.contains("${env:")) {
            return List.of();
        }
        // the value is not quoted: it is meant to be a secret
        return List.of(new ParamProblem("rds.password", "rds.password is written in the configuration, where it would be "
                + "stored in the state and shown by 'show'", "read it from the environment: password: \"${env:DB_PASSWORD}\""));
    }

    static List<ParamProblem> seed(Object value) {
        if (value instanceof String text && text.contains("${")) {
            return List.of();
        }
        if (value instanceof Map<?, ?> map) {
            List<ParamProblem> unknown = PluginSettings.unknownKeys(map, Set.of("snapshot", "restore_time"), "rds.seed");
            if (!unknown.isEmpty()) {
                return unknown.stream().map(p -> new ParamProblem("rds.seed." + p.path(), p.message(), p.fix())).toList();
            }
        }
        return PluginSettings.problemOf("rds.seed", () -> RdsSeed.of(value));
    }

    static List<ParamProblem> parameters(Map<?, ?> rds) {
        Object parameters = rds.get("parameters");
        if (parameters == null) {
            return List.of();
        }
        List<ParamProblem> problems = new ArrayList<>();
        if (!(parameters instanceof Map<?, ?> map)) {
            return List.of(new ParamProblem("rds.parameters", "rds.parameters must be a mapping of parameter names to values, found "
                    + parameters, "write parameters: {max_connections: 200, log_min_duration_statement: 500}"));
        }
        map.forEach((name, value) -> {
            if (value == null || value instanceof Map || value instanceof List) {
                problems.add(new ParamProblem("rds.parameters." + name, "rds.parameters." + name + " must be one value, found " + value,
                        "write " + name + ": VALUE (a string, number or boolean)"));
            }
        });
        if (rds.get("parameter_group") != null) {
            problems.add(new ParamProblem("rds.parameters", "rds.parameters and rds.parameter_group are both set",
                    "use rds.parameters (neckbeard keeps a group per node type) or rds.parameter_group (a group you keep), not both"));
        } else if (rds.get("engine_version") == null && rds.get("parameter_group_family") == null) {
            problems.add(new ParamProblem("rds.parameters", "rds.parameters needs the parameter group's family, and neither "
                    + "rds.engine_version nor rds.parameter_group_family gives it",
                    "set rds.engine_version (e.g. \"16.3\") or rds.parameter_group_family (e.g. postgres16)"));
        }
        return problems;
    }
}
