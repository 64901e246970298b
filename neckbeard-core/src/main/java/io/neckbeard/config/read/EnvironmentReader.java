package io.neckbeard.config.read;

import io.neckbeard.config.validate.Fields;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.config.yaml.YamlFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an environment mapping (an env file, or a base under config.yml's {@code environments:}). */
public final class EnvironmentReader {
    public static final List<String> KEYS =
            List.of("extends", "availability_zones", "nodes", "params", "node_params", "az_params", "seed", "hooks",
                    "load_balancers");
    static final List<String> NODE_KEYS = List.of("count", "size", "min_per_az", "max_count");
    static final List<String> HOOK_COMMANDS =
            List.of("up", "promote", "rollback", "terminate");

    private final Problems problems;

    public EnvironmentReader(Problems problems) {
        this.problems = problems;
    }

    public EnvDefinition read(String name, YamlFile yaml, String basePath, Object value, boolean deployable) {
        Fields env = Fields.of(yaml, basePath, value, problems).allow(KEYS);
        List<String> zones = env.has("availability_zones") ? env.strings("availability_zones") : null;
        return new EnvDefinition(name, yaml, basePath, deployable, env.string("extends", null), zones,
                nodes(env.fields("nodes")), env.map("params"), env.maps("node_params"),
                env.maps("az_params"), env.has("hooks") ? hooks(env.fields("hooks")) : null, seed(env),
                env.maps("load_balancers"));
    }

    private Map<String, NodeEntry> nodes(Fields nodes) {
        Map<String, NodeEntry> out = new LinkedHashMap<>();
        for (String type : nodes.values().keySet()) {
            Fields entry = nodes.fields(type).allow(NODE_KEYS);
            out.put(type, new NodeEntry(entry.integer("count", null, 0), entry.integer("min_per_az", null, 0),
                    entry.integer("max_count", null, 0), entry.string("size", null)));
        }
        return out;
    }

    private Map<String, List<String>> hooks(Fields hooks) {
        List<String> valid = new ArrayList<>();
        for (String command : HOOK_COMMANDS) {
            valid.add("before_" + command);
            valid.add("after_" + command);
        }
        hooks.allow(valid);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String hook : hooks.values().keySet()) {
            if (valid.contains(hook)) {
                out.put(hook, hooks.strings(hook));
            }
        }
        return out;
    }

    private String seed(Fields env) {
        if (!env.has("seed")) {
            return null;
        }
        Fields seed = env.fields("seed").allow(List.of("environment"));
        String source = seed.string("environment", null);
        if (source == null) {
            problems.add(env.file(), env.pathOf("seed"), "'seed' needs an 'environment'",
                    "write seed: {environment: <env whose active generation seeds new data>}");
        }
        return source;
    }
}
