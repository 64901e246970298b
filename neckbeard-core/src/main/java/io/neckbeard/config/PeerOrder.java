package io.neckbeard.config;

import io.neckbeard.config.interpolate.PeerReferences;
import io.neckbeard.model.NodeSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which node types wait for which in a generation: a type whose parameters refer to
 * {@code ${peers.<other>...}} is launched only once every node of {@code other} is launched and healthy.
 */
public final class PeerOrder {
    private final Map<String, Set<String>> dependencies;

    private PeerOrder(Map<String, Set<String>> dependencies) {
        this.dependencies = dependencies;
    }

    public static PeerOrder of(List<NodeSpec> nodes) {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (NodeSpec node : nodes) {
            dependencies.computeIfAbsent(node.type(), t -> new TreeSet<>()).addAll(PeerReferences.types(node.params().values()));
        }
        return new PeerOrder(dependencies);
    }

    /** The types a type's nodes wait for. */
    public Set<String> dependencies(String type) {
        return dependencies.getOrDefault(type, Set.of());
    }

    /** How many types stand before it in the longest chain of references (0: it waits for none). */
    public int depth(String type) {
        return depth(type, new ArrayList<>());
    }

    private int depth(String type, List<String> path) {
        if (path.contains(type)) {
            return 0; // a cycle: reported by cycle(), never deployed
        }
        path.add(type);
        int depth = 0;
        for (String dependency : dependencies(type)) {
            depth = Math.max(depth, 1 + depth(dependency, path));
        }
        path.remove(path.size() - 1);
        return depth;
    }

    /** A cycle of references ({@code [app, db, app]}), or an empty list when there is none. */
    public List<String> cycle() {
        Set<String> done = new HashSet<>();
        for (String type : dependencies.keySet()) {
            List<String> found = cycleFrom(type, done, new LinkedHashSet<>());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private List<String> cycleFrom(String type, Set<String> done, LinkedHashSet<String> path) {
        if (path.contains(type)) {
            List<String> cycle = new ArrayList<>(path);
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(type), cycle.size()));
            cycle.add(type);
            return cycle;
        }
        if (done.contains(type)) {
            return List.of();
        }
        path.add(type);
        for (String dependency : dependencies(type)) {
            List<String> found = cycleFrom(dependency, done, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(type);
        done.add(type);
        return List.of();
    }
}
