package io.neckbeard.aws.provider;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one provider block of a node's tree ({@code ec2:}, {@code rds:}): required keys and the
 * types of known keys. A string holding a {@code ${...}} reference passes any type check:
 * its value is only known at run time.
 */
final class ParamChecks {
    private final String block;
    private final Map<?, ?> values;
    private final List<ParamProblem> problems = new ArrayList<>();
    /** Every key a check named: any other key in the block is unknown (a typo, most likely). */
    private final Set<String> known = new HashSet<>();

    private ParamChecks(String block, Map<?, ?> values) {
        this.block = block;
        this.values = values;
    }

    static ParamChecks of(String block, Map<String, Object> params) {
        ParamChecks checks = new ParamChecks(block, params.get(block) instanceof Map<?, ?> map ? map : Map.of());
        if (params.containsKey(block) && !(params.get(block) instanceof Map)) {
            checks.problems.add(new ParamProblem(block, "'" + block + "' must be a mapping of " + block + " settings",
                    "write " + block + ": {key: value, ...}"));
        }
        return checks;
    }

    ParamChecks required(String key, String example) {
        known.add(key);
        if (values.get(key) == null) {
            problems.add(new ParamProblem(block + "." + key, block + "." + key + " is required",
                    "set " + block + "." + key + " (e.g. " + example + ") in the node type's params, its size or the environment"));
        }
        return this;
    }

    ParamChecks strings(String... keys) {
        known.addAll(List.of(keys));
        for (String key : keys) {
            Object value = values.get(key);
            if (value != null && !(value instanceof String)) {
                problems.add(new ParamProblem(block + "." + key, block + "." + key + " must be a string, found " + value,
                        "quote the value, e.g. " + key + ": \"" + value + "\""));
            }
        }
        return this;
    }

    ParamChecks integers(String... keys) {
        known.addAll(List.of(keys));
        for (String key : keys) {
            Object value = values.get(key);
            if (value != null && !(value instanceof Integer) && !reference(value)) {
                problems.add(new ParamProblem(block + "." + key, block + "." + key + " must be a whole number, found " + value,
                        "write a number, e.g. " + key + ": 20"));
            }
        }
        return this;
    }

    ParamChecks booleans(String... keys) {
        known.addAll(List.of(keys));
        for (String key : keys) {
            Object value = values.get(key);
            if (value != null && !(value instanceof Boolean) && !reference(value)) {
                problems.add(new ParamProblem(block + "." + key, block + "." + key + " must be true or false, found " + value,
                        "write " + key + ": true or " + key + ": false"));
            }
        }
        return this;
    }

    ParamChecks stringLists(String... keys) {
        known.addAll(List.of(keys));
        for (String key : keys) {
            Object value = values.get(key);
            if (value != null && !(value instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
                problems.add(new ParamProblem(block + "." + key, block + "." + key + " must be a list of strings, found " + value,
                        "write " + key + ": [a, b]"));
            }
        }
        return this;
    }

    ParamChecks oneOf(String key, List<String> allowed) {
        known.add(key);
        Object value = values.get(key);
        if (value != null && !allowed.contains(value) && !reference(value)) {
            problems.add(new ParamProblem(block + "." + key, block + "." + key + " must be one of " + String.join(", ", allowed)
                    + ", found " + value, "write " + key + ": " + allowed.get(0)));
        }
        return this;
    }

    /** What the checks found, and every key of the block no check named, with a did-you-mean. */
    List<ParamProblem> problems() {
        List<ParamProblem> all = new ArrayList<>(problems);
        for (ParamProblem unknown : PluginSettings.unknownKeys(values, known, block + " provider")) {
            all.add(new ParamProblem(block + "." + unknown.path(), unknown.message(), unknown.fix()));
        }
        return all;
    }

    private static boolean reference(Object value) {
        return value instanceof String text && text.contains("${");
    }
}
