package io.neckbeard.coordinator.yaml;

import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping read from a stored file, keeping SnakeYAML's marks so that every complaint
 * about a hand-edited file names {@code file:line}. Scalars are taken as their text, so a
 * value never changes type on the way in.
 */
final class YamlMap {
    private final MappingNode node;
    private final String source;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlMap(MappingNode node, String source) {
        this.node = node;
        this.source = source;
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                // A reader that kept one of two equal keys would let the next write drop the other silently.
                Node first = keys.putIfAbsent(key.getValue(), key);
                if (first != null) {
                    throw damaged(source, key, "duplicate key '" + key.getValue() + "' (first at line "
                            + (first.getStartMark().getLine() + 1) + ")");
                }
                values.put(key.getValue(), tuple.getValueNode());
            }
        }
    }

    static YamlMap of(Node node, String source, String what) {
        if (node instanceof MappingNode mapping) {
            return new YamlMap(mapping, source);
        }
        throw damaged(source, node, what + " must be a mapping");
    }

    String string(String key) {
        String value = optionalString(key);
        if (value == null) {
            throw damaged(source, node, "'" + key + "' is missing");
        }
        return value;
    }

    String optionalString(String key) {
        Node value = values.get(key);
        if (value == null || isNull(value)) {
            return null;
        }
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw damaged(source, value, "'" + key + "' must be a single value");
    }

    long number(String key) {
        String value = string(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw damaged(source, values.get(key), "'" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    boolean flag(String key) {
        String value = string(key);
        if (!value.equals("true") && !value.equals("false")) {
            throw damaged(source, values.get(key), "'" + key + "' must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    Instant instant(String key) {
        Instant value = optionalInstant(key);
        if (value == null) {
            throw damaged(source, node, "'" + key + "' is missing");
        }
        return value;
    }

    Instant optionalInstant(String key) {
        String value = optionalString(key);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw damaged(source, values.get(key), "'" + key + "' must be an ISO-8601 instant like 2024-05-01T10:00:00Z, not '"
                    + value + "'");
        }
    }

    YamlMap optionalMap(String key) {
        Node value = values.get(key);
        return value == null || isNull(value) ? null : of(value, source, "'" + key + "'");
    }

    /** The mappings of sequence {@code key}; empty when it is absent. */
    List<YamlMap> maps(String key) {
        Node value = values.get(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw damaged(source, value, "'" + key + "' must be a list");
        }
        List<YamlMap> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(of(item, source, "each entry of '" + key + "'"));
        }
        return items;
    }

    /** The scalar entries of mapping {@code key} as text; empty when it is absent. */
    Map<String, String> strings(String key) {
        YamlMap map = optionalMap(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (map != null) {
            for (String name : map.values.keySet()) {
                result.put(name, map.string(name));
            }
        }
        return result;
    }

    Map<String, Integer> counts(String key) {
        YamlMap map = optionalMap(key);
        Map<String, Integer> result = new LinkedHashMap<>();
        if (map != null) {
            for (String name : map.values.keySet()) {
                long count = map.number(name);
                if (count < 0 || count > Integer.MAX_VALUE) {
                    throw damaged(map.source, map.values.get(name), "'" + name + "' must be a count from 0 to "
                            + Integer.MAX_VALUE + ", not " + count);
                }
                result.put(name, (int) count);
            }
        }
        return result;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** The line of {@code key}'s value (of the mapping when the key is absent). */
    int line(String key) {
        Node value = values.get(key);
        return value == null ? line() : value.getStartMark().getLine() + 1;
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode && Tag.NULL.equals(value.getTag());
    }

    static CoordinatorException damaged(String source, Node at, String message) {
        return damaged(source + ":" + (at.getStartMark().getLine() + 1), message, null);
    }

    static CoordinatorException damaged(String location, String message, Throwable cause) {
        return new CoordinatorException(ExitCode.USAGE, location + ": " + message,
                "fix the file by hand, or restore it from version control or a backup; neckbeard writes nothing to it"
                        + " while it does not read cleanly",
                cause);
    }
}
