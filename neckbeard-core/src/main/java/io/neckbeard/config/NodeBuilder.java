package io.neckbeard.config;

import io.neckbeard.config.interpolate.NodeContext;
import io.neckbeard.config.interpolate.PeerReferences;
import io.neckbeard.config.interpolate.StaticInterpolator;
import io.neckbeard.config.merge.Layer;
import io.neckbeard.config.merge.LeafSource;
import io.neckbeard.config.merge.TreeMerger;
import io.neckbeard.config.read.ConfigFile;
import io.neckbeard.config.read.EnvDefinition;
import io.neckbeard.config.read.NodeTypeDefinition;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.config.yaml.Position;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.model.EnvironmentSpec;
import io.neckbeard.model.NodeGroup;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.Origin;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.Problem;
import io.neckbeard.model.ServiceSpec;
import io.neckbeard.provider.ResourceProviderFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Builds an environment's nodes: names, AZ placement, sizes and each node's parameter tree
 * from the layers of docs/configuration.md ("The parameter tree of a node"), with the node's services' {@code params} beneath them all
 * (layer {@code service:<name>}). Interpolates static references and runs the provider's
 * {@code validate} on every tree, reporting problems where the offending value was written.
 */
final class NodeBuilder {
    private final ConfigFile config;
    private final Map<String, ResourceProviderFactory> providers;
    private final Problems problems;

    NodeBuilder(ConfigFile config, Map<String, ResourceProviderFactory> providers, Problems problems) {
        this.config = config;
        this.providers = providers;
        this.problems = problems;
    }

    List<NodeSpec> build(EnvironmentSpec env, List<EnvDefinition> chain, Map<String, Integer> counts) {
        List<NodeSpec> nodes = new ArrayList<>();
        Map<String, Integer> peers = new HashMap<>();
        env.nodes().values().forEach(group -> peers.put(group.type(), counts.getOrDefault(group.type(), group.count())));
        for (NodeTypeDefinition type : config.nodeTypes().values()) {
            NodeGroup group = env.nodes().get(type.spec().name());
            if (group == null) {
                continue;
            }
            int count = counts.getOrDefault(group.type(), group.count());
            // Nodes of one type in one AZ share their merged tree; only interpolation differs.
            Map<String, Merged> byZone = new HashMap<>();
            for (int index = 1; index <= count; index++) {
                String zone = env.availabilityZones().isEmpty() ? null
                        : env.availabilityZones().get((index - 1) % env.availabilityZones().size());
                Merged merged = byZone.computeIfAbsent(String.valueOf(zone), z -> merged(merge(type, group.size(), zone, chain)));
                nodes.add(node(env, type, group.size(), index, zone, merged, peers));
            }
        }
        requireNoPeerCycle(nodes);
        return nodes;
    }

    private TreeMerger merge(NodeTypeDefinition type, String size, String zone, List<EnvDefinition> chain) {
        YamlFile yaml = config.yaml();
        String name = type.spec().name();
        TreeMerger merger = new TreeMerger();
        for (String service : type.spec().services()) {
            ServiceSpec spec = config.services().get(service);
            if (spec != null) {
                merger.merge(new Layer("service:" + service, yaml, "services." + service + ".params", spec.params()));
            }
        }
        merger.merge(new Layer("type:" + name, yaml, "node_types." + name + ".params", type.params()));
        if (size != null && config.sizes().containsKey(size)) {
            merger.merge(new Layer("size:" + size, yaml, "sizes." + size, config.sizes().get(size)));
        }
        for (EnvDefinition link : chain) {
            merger.merge(new Layer("env:" + link.name() + ".params", link.yaml(), link.path("params"), link.params()));
            Map<String, Object> nodeParams = link.nodeParams().get(name);
            if (nodeParams != null) {
                merger.merge(new Layer("env:" + link.name() + ".node_params", link.yaml(), link.path("node_params." + name),
                        nodeParams));
            }
        }
        if (zone != null) {
            Map<String, Object> zoneParams = config.zones().get(zone);
            if (zoneParams != null) {
                merger.merge(new Layer("az:" + zone, yaml, "availability_zones." + zone, zoneParams));
            }
            for (EnvDefinition link : chain) {
                Map<String, Object> azParams = link.azParams().get(zone);
                if (azParams != null) {
                    merger.merge(new Layer("env:" + link.name() + ".az_params", link.yaml(), link.path("az_params." + zone),
                            azParams));
                }
            }
        }
        return merger;
    }

    private NodeSpec node(EnvironmentSpec env, NodeTypeDefinition type, String size, int index, String zone, Merged merged,
                          Map<String, Integer> peers) {
        String typeName = type.spec().name();
        String name = typeName + "-" + index;
        NavigableMap<String, LeafSource> sources = merged.merger().sources();
        NodeContext context = new NodeContext(config.app(), env.name(), name, typeName, index, zone, peers);
        Map<String, Object> values = new StaticInterpolator(context, merged.merger().tree(), sources,
                (path, source, message, fix) -> report(type, source, path, message, fix)).resolve();
        validate(type, index, values, sources);
        return new NodeSpec(name, typeName, index, zone, size, type.spec().resource(), type.spec().services(),
                new ParamTree(values, merged.origins()));
    }

    private void validate(NodeTypeDefinition type, int index, Map<String, Object> values, NavigableMap<String, LeafSource> sources) {
        List<ParamProblem> found = new ArrayList<>(AppEnv.problems(values));
        ResourceProviderFactory provider = providers.get(type.spec().resource());
        if (provider != null) {
            found.addAll(provider.validate(type.spec().name(), index, values));
        }
        for (ParamProblem problem : found) {
            report(type, TreeMerger.source(sources, problem.path()), problem.path(),
                    "node type '" + type.spec().name() + "': " + problem.message(), problem.fix());
        }
    }

    /** Reports a cycle of {@code ${peers...}} references where its first type refers to the next: no order could launch them. */
    private void requireNoPeerCycle(List<NodeSpec> nodes) {
        List<String> cycle = PeerOrder.of(nodes).cycle();
        if (cycle.isEmpty()) {
            return;
        }
        NodeSpec first = nodes.stream().filter(n -> n.type().equals(cycle.get(0))).findFirst().orElseThrow();
        String message = "node types refer to each other through ${peers...} in a cycle (" + String.join(" -> ", cycle)
                + "), so none of them can be launched first";
        String fix = "remove one of these references: a node type may wait for another only in one direction";
        String path = referring("", first.params().values(), cycle.get(1));
        Origin origin = path == null ? null : first.params().provenance().get(path);
        report(config.nodeTypes().get(first.type()), origin == null ? null : new LeafSource(origin, path),
                path == null ? "" : path, message, fix);
    }

    /** The path of the first leaf under {@code value} that refers to {@code ${peers.<type>...}}, or null. */
    private static String referring(String path, Object value, String type) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String found = referring(YamlFile.child(path, (String) entry.getKey()), entry.getValue(), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String found = referring(YamlFile.item(path, i), list.get(i), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return PeerReferences.types(value).contains(type) ? path : null;
    }

    /** At the leaf's source, or at the node type's params (or resource) when the leaf is not written anywhere. */
    private void report(NodeTypeDefinition type, LeafSource source, String path, String message, String fix) {
        if (source != null) {
            Origin origin = source.origin();
            problems.accept(new Problem(origin.file(), origin.line(), origin.column(), source.sourcePath(), message, fix));
            return;
        }
        String typePath = "node_types." + type.spec().name();
        String anchor = config.yaml().positions().containsKey(typePath + ".params") ? typePath + ".params" : typePath + ".resource";
        Position at = config.yaml().position(anchor);
        problems.accept(new Problem(config.yaml().display(), at.line(), at.column(), typePath + ".params." + path, message, fix));
    }

    private static Merged merged(TreeMerger merger) {
        Map<String, Origin> origins = new LinkedHashMap<>();
        merger.sources().forEach((path, source) -> origins.put(path, source.origin()));
        return new Merged(merger, Collections.unmodifiableMap(origins));
    }

    /** The merged tree of one type in one AZ, shared by its nodes. */
    private record Merged(TreeMerger merger, Map<String, Origin> origins) {
    }
}
