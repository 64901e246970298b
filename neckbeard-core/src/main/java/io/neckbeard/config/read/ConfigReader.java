package io.neckbeard.config.read;

import io.neckbeard.config.validate.Fields;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.config.yaml.Position;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.core.Names;
import io.neckbeard.core.Suggestions;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.NodeTypeSpec;
import io.neckbeard.model.Origin;
import io.neckbeard.model.ServiceSpec;
import io.neckbeard.model.StackSettings;
import io.neckbeard.model.TypedSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads config.yml into a {@link ConfigFile}, applying defaults and checking names it refers to. */
public final class ConfigReader {
    public static final List<String> KEYS = List.of("app", "region", "aws", "packager", "coordinator", "provisioner", "stack",
            "services", "node_types", "sizes", "availability_zones", "load_balancers", "environments");
    static final List<String> NODE_TYPE_KEYS =
            List.of("resource", "size", "services", "load_balancer", "health_check", "params");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Problems problems;

    public ConfigReader(Problems problems) {
        this.problems = problems;
    }

    public ConfigFile read(YamlFile yaml) {
        Fields top = Fields.of(yaml, "", yaml.root(), problems).allow(KEYS);
        String app = app(top);
        names(top.fields("node_types"), "node type");
        names(top.fields("services"), "service");
        names(top.fields("sizes"), "size");
        names(top.fields("availability_zones"), "availability zone");
        names(top.fields("load_balancers"), "load balancer");
        names(top.fields("environments"), "environment");
        Map<String, ServiceSpec> services = services(top.fields("services"));
        Map<String, Map<String, Object>> sizes = top.maps("sizes");
        Map<String, LoadBalancerSpec> loadBalancers = loadBalancers(top.fields("load_balancers"));
        Map<String, NodeTypeDefinition> nodeTypes = nodeTypes(top.fields("node_types"), services.keySet(), sizes.keySet(),
                loadBalancers.keySet());
        Map<String, EnvDefinition> bases = new LinkedHashMap<>();
        Fields environments = top.fields("environments");
        EnvironmentReader envReader = new EnvironmentReader(problems);
        for (String name : environments.values().keySet()) {
            bases.put(name, envReader.read(name, yaml, environments.pathOf(name), environments.raw(name), false));
        }
        return new ConfigFile(yaml, app, top.string("region", null), top.fields("aws").allow(List.of("profile")).string("profile", null),
                typed(top, "packager", Map.of("type", "tarball")),
                typed(top, "coordinator", Map.of("type", "local-yaml")),
                typed(top, "provisioner", Map.of("type", "shell", "scripts", List.of())),
                stack(top.fields("stack"), app), services, nodeTypes, sizes, top.maps("availability_zones"),
                loadBalancers, bases);
    }

    private String app(Fields top) {
        String app = top.string("app", null);
        if (app == null) {
            problems.add(top.file(), "", "'app' is missing", "add a line 'app: <name>' naming your application");
            return "app";
        }
        if (!NAME.matcher(app).matches()) {
            problems.add(top.file(), "app", "app name '" + app + "' is not a valid name",
                    "use lower-case letters, digits and '-', starting with a letter or digit (it goes into resource tags and paths)");
        }
        return app;
    }

    /** Reports every key of {@code block} that is not a safe name (the rule environment names follow): names go into paths and tags. */
    private void names(Fields block, String what) {
        for (String name : block.values().keySet()) {
            if (!Names.isSafe(name)) {
                problems.add(block.file(), block.pathOf(name), what + " name '" + name + "' is not a valid name",
                        Names.RULE + ": the name goes into file names and resource tags");
            }
        }
    }

    private TypedSettings typed(Fields top, String key, Map<String, Object> defaults) {
        Position at = top.file().position(top.pathOf(key));
        Origin origin = new Origin(key, top.file().display(), at.line(), at.column());
        if (!top.has(key)) {
            return new TypedSettings((String) defaults.get("type"), without(defaults, "type"), origin);
        }
        Fields block = top.fields(key);
        String type = block.string("type", (String) defaults.get("type"));
        Map<String, Object> settings = new LinkedHashMap<>(block.values());
        settings.remove("type");
        if (type.equals(defaults.get("type"))) {
            defaults.forEach(settings::putIfAbsent);
            settings.remove("type");
        }
        return new TypedSettings(type, settings, origin);
    }

    private StackSettings stack(Fields stack, String app) {
        stack.allow(List.of("root", "keep_releases", "process_manager"));
        String root = stack.string("root", "/srv/" + app).replace("${app}", app);
        return new StackSettings(root, stack.integer("keep_releases", 5, 1), stack.string("process_manager", "systemd"));
    }

    private Map<String, ServiceSpec> services(Fields services) {
        Map<String, ServiceSpec> out = new LinkedHashMap<>();
        for (String name : services.values().keySet()) {
            Fields service = services.fields(name).allow(List.of("roles", "params"));
            out.put(name, new ServiceSpec(name, service.strings("roles"), service.map("params")));
        }
        return out;
    }

    private Map<String, LoadBalancerSpec> loadBalancers(Fields balancers) {
        Map<String, LoadBalancerSpec> out = new LinkedHashMap<>();
        for (String name : balancers.values().keySet()) {
            Fields balancer = balancers.fields(name);
            String type = balancer.string("type", null);
            if (type == null) {
                problems.add(balancer.file(), balancer.path(), "load balancer '" + name + "' has no 'type'",
                        "add type: elbv2 (or none)");
                continue;
            }
            Map<String, Object> settings = new LinkedHashMap<>(balancer.values());
            settings.remove("type");
            out.put(name, new LoadBalancerSpec(name, type, settings));
        }
        return out;
    }

    private Map<String, NodeTypeDefinition> nodeTypes(Fields types, java.util.Set<String> services,
                                                      java.util.Set<String> sizes, java.util.Set<String> balancers) {
        Map<String, NodeTypeDefinition> out = new LinkedHashMap<>();
        for (String name : types.values().keySet()) {
            Fields type = types.fields(name).allow(NODE_TYPE_KEYS);
            String resource = type.string("resource", null);
            if (resource == null) {
                problems.add(type.file(), type.path(), "node type '" + name + "' has no 'resource'",
                        "add resource: <provider>, e.g. resource: local or resource: ec2");
            }
            String size = type.string("size", null);
            if (size != null && !sizes.contains(size)) {
                problems.add(type.file(), type.pathOf("size"), "node type '" + name + "' names size '" + size
                        + "', which is not defined under 'sizes'", Suggestions.fix(size, sizes, "sizes"));
            }
            List<String> named = type.strings("services");
            for (int i = 0; i < named.size(); i++) {
                if (!services.contains(named.get(i))) {
                    problems.add(type.file(), YamlFile.item(type.pathOf("services"), i), "node type '" + name
                            + "' names service '" + named.get(i) + "', which is not defined under 'services'",
                            Suggestions.fix(named.get(i), services, "services"));
                }
            }
            String balancer = type.string("load_balancer", null);
            if (balancer != null && !balancers.contains(balancer)) {
                problems.add(type.file(), type.pathOf("load_balancer"), "node type '" + name + "' names load balancer '"
                        + balancer + "', which is not defined under 'load_balancers'",
                        Suggestions.fix(balancer, balancers, "load balancers"));
            }
            out.put(name, new NodeTypeDefinition(new NodeTypeSpec(name, resource == null ? "" : resource, size,
                    named, balancer, healthCheck(type)), type.map("params")));
        }
        return out;
    }

    private TypedSettings healthCheck(Fields type) {
        if (!type.has("health_check")) {
            return null;
        }
        Fields check = type.fields("health_check");
        String kind = check.string("type", null);
        if (kind == null) {
            problems.add(check.file(), check.path(), "health check has no 'type'", "add type: http, tcp or command");
            return null;
        }
        Position at = check.file().position(check.path());
        Map<String, Object> settings = new LinkedHashMap<>(check.values());
        settings.remove("type");
        return new TypedSettings(kind, settings, new Origin("health_check", check.file().display(), at.line(), at.column()));
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
