package io.neckbeard.config;

import io.neckbeard.core.VarNames;
import io.neckbeard.model.ParamProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's {@code app_env}: the mapping under that key of its parameter tree, exported to the app
 * through the Stack's env file. Keys follow {@link VarNames}; values are strings, numbers or booleans.
 */
public final class AppEnv {
    public static final String KEY = "app_env";

    private AppEnv() {
    }

    /** The variables of a node's (resolved) tree; none when it has no {@code app_env}. */
    public static Map<String, String> of(Map<String, Object> tree) {
        Map<String, String> variables = new TreeMap<>();
        if (tree.get(KEY) instanceof Map<?, ?> appEnv) {
            appEnv.forEach((key, value) -> {
                if (value != null) {
                    variables.put(String.valueOf(key), String.valueOf(value));
                }
            });
        }
        return variables;
    }

    /** What {@code check} reports about a node's {@code app_env}: a non-mapping, a bad name, a value that is no scalar. */
    static List<ParamProblem> problems(Map<String, Object> tree) {
        Object appEnv = tree.get(KEY);
        if (appEnv == null) {
            return List.of();
        }
        if (!(appEnv instanceof Map<?, ?> variables)) {
            return List.of(new ParamProblem(KEY, "app_env must be a mapping of variable names to values",
                    "write it as app_env: {NAME: value}"));
        }
        List<ParamProblem> problems = new ArrayList<>();
        variables.forEach((name, value) -> {
            String path = KEY + "." + name;
            if (!VarNames.valid(String.valueOf(name))) {
                problems.add(new ParamProblem(path, "'" + name + "' is not a valid app_env variable name", VarNames.RULE));
            } else if (value instanceof Map || value instanceof List) {
                problems.add(new ParamProblem(path, "app_env value " + name + " must be a string, number or boolean",
                        "write one value, e.g. " + name + ": \"text\""));
            }
        });
        return problems;
    }
}
