package io.neckbeard.config;

import io.neckbeard.config.read.ConfigFile;
import io.neckbeard.config.read.EnvDefinition;
import io.neckbeard.config.read.NodeEntry;
import io.neckbeard.config.read.NodeTypeDefinition;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.core.Suggestions;
import io.neckbeard.model.EnvironmentSpec;
import io.neckbeard.model.NodeGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges an extends chain into an {@link EnvironmentSpec}: {@code availability_zones} and
 * {@code seed} replace, {@code nodes} merge per type and field, {@code hooks} replace per hook
 * name; and checks zones, node types, sizes and the HA bounds.
 */
final class EnvironmentBuilder {
    private final ConfigFile config;
    private final List<String> envFileNames;
    private final Problems problems;

    EnvironmentBuilder(ConfigFile config, List<String> envFileNames, Problems problems) {
        this.config = config;
        this.envFileNames = envFileNames;
        this.problems = problems;
    }

    EnvironmentSpec build(List<EnvDefinition> chain) {
        EnvDefinition env = chain.get(chain.size() - 1);
        List<String> zones = zones(env, chain);
        Map<String, List<String>> hooks = new LinkedHashMap<>();
        String seed = env.name();
        for (EnvDefinition link : chain) {
            if (link.hooks() != null) {
                hooks.putAll(link.hooks());
            }
            if (link.seed() != null) {
                seed = link.seed();
                if (!envFileNames.contains(seed)) {
                    problems.add(link.yaml(), link.path("seed.environment"), "seed environment '" + seed + "' does not exist",
                            Suggestions.fix(seed, envFileNames, "environments"));
                }
            }
        }
        return new EnvironmentSpec(env.name(), env.yaml().display(), chain.stream().map(EnvDefinition::name).toList(),
                zones, nodes(chain, zones.size()), hooks, seed);
    }

    private List<String> zones(EnvDefinition env, List<EnvDefinition> chain) {
        EnvDefinition setter = null;
        for (EnvDefinition link : chain) {
            if (link.availabilityZones() != null) {
                setter = link;
            }
        }
        if (setter == null) {
            problems.add(env.yaml(), env.path(""), env.label() + " lists no availability_zones (nor does its extends chain)",
                    "add availability_zones: [<zone>, ...] naming zones declared under availability_zones in config.yml");
            return List.of();
        }
        List<String> zones = setter.availabilityZones();
        if (zones.isEmpty()) {
            problems.add(setter.yaml(), setter.path("availability_zones"), "availability_zones is empty",
                    "list at least one zone declared under availability_zones in config.yml");
        }
        for (int i = 0; i < zones.size(); i++) {
            if (!config.zones().containsKey(zones.get(i))) {
                problems.add(setter.yaml(), YamlFile.item(setter.path("availability_zones"), i), "availability zone '"
                        + zones.get(i) + "' is not declared under availability_zones in config.yml",
                        Suggestions.fix(zones.get(i), config.zones().keySet(), "zones")
                                + " (declare it in config.yml, e.g. " + zones.get(i) + ": {})");
            }
        }
        return zones;
    }

    private Map<String, NodeGroup> nodes(List<EnvDefinition> chain, int zoneCount) {
        Map<String, Fields> merged = new LinkedHashMap<>();
        for (EnvDefinition link : chain) {
            for (Map.Entry<String, NodeEntry> entry : link.nodes().entrySet()) {
                String type = entry.getKey();
                if (!config.nodeTypes().containsKey(type)) {
                    problems.add(link.yaml(), link.path("nodes." + type), link.label() + " has nodes of type '" + type
                            + "', which is not defined under node_types", Suggestions.fix(type, config.nodeTypes().keySet(), "node types"));
                    continue;
                }
                merged.computeIfAbsent(type, t -> new Fields()).apply(link, entry.getValue());
            }
        }
        Map<String, NodeGroup> groups = new LinkedHashMap<>();
        merged.forEach((type, fields) -> groups.put(type, group(type, fields, zoneCount)));
        return groups;
    }

    private NodeGroup group(String type, Fields fields, int zoneCount) {
        NodeTypeDefinition definition = config.nodeTypes().get(type);
        int count = fields.count == null ? 1 : fields.count;
        int minPerAz = fields.minPerAz == null ? 0 : fields.minPerAz;
        String size = fields.size == null ? definition.spec().size() : fields.size;
        if (fields.size != null && !config.sizes().containsKey(fields.size)) {
            problems.add(fields.sizeAt.yaml(), fields.sizeAt.path("nodes." + type + ".size"), "size '" + fields.size
                    + "' is not defined under sizes", Suggestions.fix(fields.size, config.sizes().keySet(), "sizes"));
        }
        if (count < minPerAz * zoneCount) {
            EnvDefinition at = fields.countAt != null ? fields.countAt : fields.minPerAzAt;
            String key = fields.countAt != null ? "count" : "min_per_az";
            problems.add(at.yaml(), at.path("nodes." + type + "." + key), "nodes." + type + ": count " + count
                    + " is below the HA target min_per_az " + minPerAz + " x " + zoneCount + " zones = " + minPerAz * zoneCount,
                    "raise count to at least " + minPerAz * zoneCount + " or lower min_per_az");
        }
        if (fields.maxCount != null && fields.maxCount < count) {
            problems.add(fields.maxCountAt.yaml(), fields.maxCountAt.path("nodes." + type + ".max_count"), "nodes." + type
                    + ": max_count " + fields.maxCount + " is below count " + count, "raise max_count to at least " + count);
        }
        return new NodeGroup(type, count, minPerAz, fields.maxCount, size);
    }

    /** The fields of one type's node entries merged along the chain, with who set each. */
    private static final class Fields {
        Integer count;
        Integer minPerAz;
        Integer maxCount;
        String size;
        EnvDefinition countAt;
        EnvDefinition minPerAzAt;
        EnvDefinition maxCountAt;
        EnvDefinition sizeAt;

        void apply(EnvDefinition link, NodeEntry entry) {
            if (entry.count() != null) {
                count = entry.count();
                countAt = link;
            }
            if (entry.minPerAz() != null) {
                minPerAz = entry.minPerAz();
                minPerAzAt = link;
            }
            if (entry.maxCount() != null) {
                maxCount = entry.maxCount();
                maxCountAt = link;
            }
            if (entry.size() != null) {
                size = entry.size();
                sizeAt = link;
            }
        }
    }
}
