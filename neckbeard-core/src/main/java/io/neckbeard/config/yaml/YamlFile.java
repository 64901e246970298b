package io.neckbeard.config.yaml;

import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed YAML file as plain values (maps, lists, strings, numbers, booleans, null) with the
 * position of every value by its dotted key path ({@code node_types.app.size},
 * {@code availability_zones[1]}). A map entry's position is its key's, a list item's its own.
 *
 * @param display how the file is named in messages (relative to the working directory when under it)
 * @param root    the document, never null (an empty file is an empty map)
 */
public record YamlFile(Path display, Object root, Map<String, Position> positions) {

    /** The position of {@code path}, or of its nearest ancestor that has one. */
    public Position position(String path) {
        String current = path;
        while (true) {
            Position found = positions.get(current);
            if (found != null) {
                return found;
            }
            if (current.isEmpty()) {
                return Position.START;
            }
            current = parent(current);
        }
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
