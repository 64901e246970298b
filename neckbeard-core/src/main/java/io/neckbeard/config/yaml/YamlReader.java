package io.neckbeard.config.yaml;

import io.neckbeard.config.Problem;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a YAML file through SnakeYAML's node API so every value keeps its position.
 * Syntax errors and duplicate keys become {@link Problem}s, never exceptions.
 */
public final class YamlReader {
    private final LoaderOptions options = new LoaderOptions();
    private final ScalarValues scalars = new ScalarValues(options);

    /**
     * @param file    the file to read
     * @param display how to name it in messages
     * @return the parsed file, or null when it has a syntax error (reported to {@code problems})
     */
    public YamlFile read(Path file, Path display, Consumer<Problem> problems) {
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
        Object root = node == null ? new LinkedHashMap<String, Object>() : convert(node, "", positions, display, problems);
        return new YamlFile(display, root, positions);
    }

    private Object convert(Node node, String path, Map<String, Position> positions, Path display, Consumer<Problem> problems) {
        if (node instanceof ScalarNode scalar) {
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
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>(sequence.getValue().size());
            int index = 0;
            for (Node item : sequence.getValue()) {
                String itemPath = YamlFile.item(path, index++);
                positions.put(itemPath, position(item));
                items.add(convert(item, itemPath, positions, display, problems));
            }
            return items;
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(keyNode);
            String keyPath = YamlFile.child(path, key);
            Position at = position(keyNode);
            if (map.containsKey(key)) {
                Position first = positions.get(keyPath);
                problems.accept(new Problem(display, at.line(), at.column(), keyPath,
                        "duplicate key '" + key + "' (first defined at line " + first.line() + ")",
                        "remove one of the two '" + key + "' entries or merge them"));
                continue;
            }
            positions.put(keyPath, at);
            map.put(key, convert(tuple.getValueNode(), keyPath, positions, display, problems));
        }
        return map;
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
