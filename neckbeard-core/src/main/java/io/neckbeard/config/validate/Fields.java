package io.neckbeard.config.validate;

import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.core.Suggestions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reading of one YAML mapping at {@code path}: each accessor reports a wrong type or an
 * unknown key as a problem at the value's position and returns what can still be used.
 */
public final class Fields {
    private final YamlFile file;
    private final String path;
    private final Map<String, Object> map;
    private final Problems problems;

    private Fields(YamlFile file, String path, Map<String, Object> map, Problems problems) {
        this.file = file;
        this.path = path;
        this.map = map;
        this.problems = problems;
    }

    /** The mapping at {@code path}; a non-mapping value is a problem and reads as empty. */
    public static Fields of(YamlFile file, String path, Object value, Problems problems) {
        return new Fields(file, path, asMap(file, path, value, problems), problems);
    }

    /** {@code value} as a mapping; null reads as empty, anything else but a mapping is a problem. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(YamlFile file, String path, Object value, Problems problems) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (value != null) {
            problems.add(file, path, "expected a mapping (key: value), found " + describe(value),
                    "write '" + lastKey(path) + "' as a mapping, e.g. {key: value}");
        }
        return new LinkedHashMap<>();
    }

    public YamlFile file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return YamlFile.child(path, key);
    }

    public Map<String, Object> values() {
        return map;
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    public Object raw(String key) {
        return map.get(key);
    }

    /** Reports every key not in {@code known}, with a "did you mean". */
    public Fields allow(Collection<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                problems.add(file, pathOf(key), "unknown key '" + key + "'", Suggestions.fix(key, known, "keys"));
            }
        }
        return this;
    }

    /** A string (numbers and booleans are taken as written), or {@code fallback} when absent or null. */
    public String string(String key, String fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            problems.add(file, pathOf(key), "expected a string, found " + describe(value), "write '" + key + "' as a single value");
            return fallback;
        }
        return value.toString();
    }

    /** A whole number >= {@code min}, or {@code fallback} when absent or invalid (then a problem). */
    public Integer integer(String key, Integer fallback, int min) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer number)) {
            problems.add(file, pathOf(key), "expected a whole number, found " + describe(value),
                    "write '" + key + "' as a number, e.g. " + key + ": " + Math.max(min, 1));
            return fallback;
        }
        if (number < min) {
            problems.add(file, pathOf(key), "'" + key + "' must be at least " + min + ", found " + number,
                    "use a number >= " + min);
            return fallback;
        }
        return number;
    }

    /** The mapping under {@code key}; empty when absent; a non-mapping is a problem. */
    /** The map at {@code key} whose every entry is itself a map (sizes, node_params, az_params, ...), by name. */
    public Map<String, Map<String, Object>> maps(String key) {
        Fields entries = fields(key);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String name : entries.values().keySet()) {
            out.put(name, entries.map(name));
        }
        return out;
    }

    public Map<String, Object> map(String key) {
        return asMap(file, pathOf(key), map.get(key), problems);
    }

    /** Nested fields of {@code key}. */
    public Fields fields(String key) {
        return of(file, pathOf(key), map.get(key), problems);
    }

    /** A list of strings; a single string reads as a list of one; empty when absent. */
    public List<String> strings(String key) {
        Object value = map.get(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof String single) {
            out.add(single);
            return out;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(file, pathOf(key), "expected a list of strings, found " + describe(value),
                    "write '" + key + "' as a list, e.g. [a, b]");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item == null || item instanceof Map || item instanceof List) {
                problems.add(file, YamlFile.item(pathOf(key), i), "expected a string, found " + describe(item),
                        "each item of '" + key + "' must be a single value");
            } else {
                out.add(item.toString());
            }
        }
        return out;
    }

    public static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "the string '" + value + "'";
        }
        return (value instanceof Boolean ? "the boolean " : "the number ") + value;
    }

    private static String lastKey(String path) {
        int cut = path.lastIndexOf('.');
        return cut < 0 ? path : path.substring(cut + 1);
    }
}
