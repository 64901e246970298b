package io.neckbeard.config.yaml;

import io.neckbeard.model.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a YAML file through SnakeYAML's node API so every value keeps its position.
 * Syntax errors and duplicate keys become {@link Problem}s, never exceptions.
 */
public final class YamlReader {
    /**
     * The most values (mappings, lists and scalars) one file may expand to. Aliases ({@code *a})
     * repeat a value without repeating its text, so a few hundred bytes can stand for millions of
     * values; a real configuration has a few thousand.
     */
    static final int MAX_VALUES = 100_000;

    private final LoaderOptions options = new LoaderOptions();
    private final ScalarValues scalars = new ScalarValues(options);
    private final int maxValues;

    public YamlReader() {
        this(MAX_VALUES);
    }

    YamlReader(int maxValues) {
        this.maxValues = maxValues;
    }

    /**
     * @param file    the file to read
     * @param display how to name it in messages
     * @return the parsed file, or null when it has a syntax error (reported to {@code problems})
     */
    public YamlFile read(Path file, Path display, Consumer<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            // a FIFO or device would block or never end; a directory cannot be read
            problems.accept(new Problem(display, 1, 1, "", Files.exists(file) ? "not a regular file" : "the file does not exist",
                    "make " + display + " a plain file (not a pipe, device or directory), or remove it"));
            return null;
        }
        Node node;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            node = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
            problems.accept(new Problem(display, at.line(), at.column(), "", "YAML syntax error: " + describe(e),
                    "fix the YAML syntax at this position (indentation, quoting, a missing ':' or closing bracket)"));
            return null;
        } catch (YAMLException e) {
            boolean encoding = e.getCause() instanceof java.nio.charset.CharacterCodingException;
            problems.accept(new Problem(display, 1, 1, "", encoding ? "the file is not valid UTF-8" : "YAML error: " + e.getMessage(),
                    encoding ? "save it as UTF-8" : "fix the YAML document"));
            return null;
        } catch (IOException e) {
            problems.accept(new Problem(display, 1, 1, "", "cannot read the file: " + e.getMessage(),
                    "check that the file exists and is readable"));
            return null;
        }
        Map<String, Position> positions = new HashMap<>();
        positions.put("", Position.START);
        Object root;
        try {
            root = node == null ? new LinkedHashMap<String, Object>()
                    : new Conversion(display, positions, problems).convert(node, "");
        } catch (Unbounded e) {
            problems.accept(new Problem(display, e.at.line(), e.at.column(), e.path, e.getMessage(),
                    "write the values out instead of nesting aliases (*name) in what they repeat"));
            return null;
        }
        return new YamlFile(display, root, positions);
    }

    /** A file whose aliases expand past {@code maxValues} or into themselves: its tree is never built. */
    private static final class Unbounded extends RuntimeException {
        private final Position at;
        private final String path;

        Unbounded(String message, Position at, String path) {
            super(message, null, false, false);
            this.at = at;
            this.path = path;
        }
    }

    /** One file's conversion from SnakeYAML nodes to plain values, counting every value it makes. */
    private final class Conversion {
        private final Path display;
        private final Map<String, Position> positions;
        private final Consumer<Problem> problems;
        /** The mappings and lists being converted, outermost first: an alias to one of them would never end. */
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int converted;

        Conversion(Path display, Map<String, Position> positions, Consumer<Problem> problems) {
            this.display = display;
            this.positions = positions;
            this.problems = problems;
        }

        Object convert(Node node, String path) {
            if (++converted > maxValues) {
                throw new Unbounded("the file expands to more than " + maxValues
                        + " values: aliases (*name) repeat whole mappings and lists", position(node), path);
            }
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar, path);
            }
            if (!open.add(node)) {
                throw new Unbounded("an alias (*name) repeats a mapping or list inside itself", position(node), path);
            }
            Object value = node instanceof SequenceNode sequence ? sequence(sequence, path) : mapping((MappingNode) node, path);
            open.remove(node);
            return value;
        }

        private Object scalar(ScalarNode scalar, String path) {
            try {
                return scalars.value(scalar);
            } catch (RuntimeException e) {
                // e.g. "!!int abc": SnakeYAML's constructor throws rather than reporting.
                Position at = position(scalar);
                problems.accept(new Problem(display, at.line(), at.column(), path, "cannot read '" + scalar.getValue()
                        + "' as " + scalar.getTag().getValue(), "write a plain value, or fix the explicit tag"));
                return scalar.getValue();
            }
        }

        private List<Object> sequence(SequenceNode sequence, String path) {
            List<Object> items = new ArrayList<>(sequence.getValue().size());
            int index = 0;
            for (Node item : sequence.getValue()) {
                String itemPath = YamlFile.item(path, index++);
                positions.put(itemPath, position(item));
                items.add(convert(item, itemPath));
            }
            return items;
        }

        private Map<String, Object> mapping(MappingNode mapping, String path) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Position at = position(keyNode);
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    problems.accept(new Problem(display, at.line(), at.column(), path, "a key must be a single value, found "
                            + (keyNode instanceof SequenceNode ? "a list" : "a mapping"), "write the key as a plain name"));
                    continue;
                }
                String key = scalarKey.getValue();
                String keyPath = YamlFile.child(path, key);
                if (map.containsKey(key)) {
                    Position first = positions.get(keyPath);
                    problems.accept(new Problem(display, at.line(), at.column(), keyPath,
                            "duplicate key '" + key + "' (first defined at line " + first.line() + ")",
                            "remove one of the two '" + key + "' entries or merge them"));
                    continue;
                }
                positions.put(keyPath, at);
                map.put(key, convert(tuple.getValueNode(), keyPath));
            }
            return map;
        }
    }

    private static Position position(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String describe(MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ", ";
        return (context + e.getProblem()).replace('\n', ' ').trim();
    }
}
