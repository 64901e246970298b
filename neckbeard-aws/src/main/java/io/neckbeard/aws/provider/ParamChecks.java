package io.neckbeard.aws.provider;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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

    /** What unknown-key messages call the block: {@code ec2 provider}, {@code ec2.volumes[0] entry}. */
    private final String owner;

    private ParamChecks(String block, Map<?, ?> values, String owner) {
        this.block = block;
        this.values = values;
        this.owner = owner;
    }

    static ParamChecks of(String block, Map<String, Object> params) {
        ParamChecks checks = new ParamChecks(block, params.get(block) instanceof Map<?, ?> map ? map : Map.of(), block + " provider");
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

    /** Keys of the block another check looks at (so they are not reported as unknown). */
    ParamChecks checkedElsewhere(String... keys) {
        known.addAll(List.of(keys));
        return this;
    }

    /**
     * A list of mappings under {@code key} (e.g. {@code ec2.volumes}), each entry checked by
     * {@code entry} as a block of its own named {@code <block>.<key>[<i>]}, unknown keys included.
     */
    ParamChecks mappings(String key, String example, Consumer<ParamChecks> entry) {
        known.add(key);
        Object value = values.get(key);
        if (value == null || reference(value)) {
            return this;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(new ParamProblem(block + "." + key, block + "." + key + " must be a list of mappings, found " + value,
                    "write " + key + ": [" + example + "]"));
            return this;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = block + "." + key + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                problems.add(new ParamProblem(path, path + " must be a mapping, found " + list.get(i), "write it as " + example));
                continue;
            }
            ParamChecks checks = new ParamChecks(path, map, path + " entry");
            entry.accept(checks);
            problems.addAll(checks.problems());
        }
        return this;
    }

    /** A problem of the block's own making, e.g. two settings that do not go together. */
    ParamChecks when(boolean wrong, String key, String message, String fix) {
        if (wrong) {
            problems.add(new ParamProblem(block + "." + key, message, fix));
        }
        return this;
    }

    /** What the checks found, and every key of the block no check named, with a did-you-mean. */
    List<ParamProblem> problems() {
        List<ParamProblem> all = new ArrayList<>(problems);
        for (ParamProblem unknown : PluginSettings.unknownKeys(values, known, owner)) {
            all.add(new ParamProblem(block + "." + unknown.path(), unknown.message(), unknown.fix()));
        }
        return all;
    }

    private static boolean reference(Object value) {
        return value instanceof String text && text.contains("${");
    }
}
