package io.neckbeard.config.merge;

import io.neckbeard.config.yaml.Position;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.model.Origin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Deep-merges layers, later winning: maps merge key by key, a scalar or list replaces what
 * was there, an explicit null removes the key. Records the source of every leaf (scalars,
 * list items, empty maps and lists) by dotted path, list items as {@code a.b[0]}.
 */
public final class TreeMerger {
    private final Map<String, Object> tree = new LinkedHashMap<>();
    private final NavigableMap<String, LeafSource> sources = new TreeMap<>();

    public TreeMerger merge(Layer layer) {
        mergeMap(tree, "", layer.values(), layer, layer.basePath());
        return this;
    }

    /** The merged tree; mutable, owned by the caller from here. */
    public Map<String, Object> tree() {
        return tree;
    }

    public NavigableMap<String, LeafSource> sources() {
        return sources;
    }

    /** Where the leaf at {@code path} was set, or for a mapping or list there its first leaf's; null when nothing set it. */
    public static LeafSource source(NavigableMap<String, LeafSource> sources, String path) {
        LeafSource leaf = sources.get(path);
        if (leaf != null) {
            return leaf;
        }
        return sources.tailMap(path, false).entrySet().stream()
                .filter(e -> e.getKey().startsWith(path + ".") || e.getKey().startsWith(path + "["))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private void mergeMap(Map<String, Object> target, String path, Map<String, Object> source, Layer layer, String sourcePath) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            String key = entry.getKey();
            String childPath = YamlFile.child(path, key);
            String childSource = YamlFile.child(sourcePath, key);
            Object value = entry.getValue();
            Object existing = target.get(key);
            if (value == null) {
                target.remove(key);
                forget(childPath);
            } else if (value instanceof Map<?, ?> map && existing instanceof Map<?, ?>) {
                mergeMap(cast(existing), childPath, cast(map), layer, childSource);
            } else {
                forget(childPath);
                target.put(key, copy(value, childPath, layer, childSource));
            }
        }
    }

    private Object copy(Object value, String path, Layer layer, String sourcePath) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : this.<Map<String, Object>>cast(map).entrySet()) {
                if (entry.getValue() != null) {
                    copy.put(entry.getKey(), copy(entry.getValue(), YamlFile.child(path, entry.getKey()), layer,
                            YamlFile.child(sourcePath, entry.getKey())));
                }
            }
            return copy;
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copy(list.get(i), YamlFile.item(path, i), layer, YamlFile.item(sourcePath, i)));
            }
            return copy;
        }
        Position at = layer.yaml().position(sourcePath);
        sources.put(path, new LeafSource(new Origin(layer.name(), layer.yaml().display(), at.line(), at.column()), sourcePath));
        if (value instanceof Map) {
            return new LinkedHashMap<String, Object>();
        }
        return value instanceof List ? new ArrayList<>() : value;
    }

    /** Drops the sources of {@code path} and everything beneath it. */
    private void forget(String path) {
        sources.remove(path);
        sources.subMap(path + ".", path + "/").clear();
        sources.subMap(path + "[", path + "\\").clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(Object value) {
        return (T) value;
    }
}
