package io.neckbeard.config;

import io.neckbeard.config.merge.Layer;
import io.neckbeard.config.merge.LeafSource;
import io.neckbeard.config.merge.TreeMerger;
import io.neckbeard.config.read.ConfigFile;
import io.neckbeard.config.read.EnvDefinition;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.core.Suggestions;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.EnvironmentSpec;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.Origin;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.model.Problem;
import io.neckbeard.plugin.ValidationContext;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The load balancers as one environment sees them: each config.yml {@code load_balancers:} block
 * with the {@code load_balancers:} layers of the environment's extends chain deep-merged over its
 * settings, later layers winning (so production and staging can name different target groups).
 * The plugin validates the merged settings; each problem is reported where the offending value
 * was written, or, for a missing one, at the last block of that balancer in the chain.
 */
final class LoadBalancerBuilder {
    private static final ValidationContext OFFLINE = new ValidationContext(null, List.of());

    private final ConfigFile config;
    private final Map<String, LoadBalancerFactory> factories;
    private final Problems problems;

    LoadBalancerBuilder(ConfigFile config, Map<String, LoadBalancerFactory> factories, Problems problems) {
        this.config = config;
        this.factories = factories;
        this.problems = problems;
    }

    Map<String, LoadBalancerSpec> build(String environment, List<EnvDefinition> chain) {
        chain.forEach(this::checkLayer);
        Map<String, LoadBalancerSpec> balancers = new LinkedHashMap<>();
        for (LoadBalancerSpec declared : config.loadBalancers().values()) {
            String path = "load_balancers." + declared.name();
            TreeMerger merger = new TreeMerger().merge(new Layer("config", config.yaml(), path, declared.settings()));
            for (EnvDefinition link : chain) {
                Map<String, Object> layer = link.loadBalancers().get(declared.name());
                if (layer != null) {
                    layer = new LinkedHashMap<>(layer);
                    layer.remove("type");
                    merger.merge(new Layer("env:" + link.name() + ".load_balancers", link.yaml(), link.path(path), layer));
                }
            }
            LoadBalancerSpec merged = new LoadBalancerSpec(declared.name(), declared.type(),
                    Collections.unmodifiableMap(merger.tree()));
            validate(environment, chain, merged, merger);
            balancers.put(declared.name(), merged);
        }
        return Collections.unmodifiableMap(balancers);
    }

    /** The plugin's problems with the merged settings, each where its value was written, else at the last block of the balancer. */
    private void validate(String environment, List<EnvDefinition> chain, LoadBalancerSpec merged, TreeMerger merger) {
        LoadBalancerFactory factory = factories.get(merged.type());
        if (factory == null) { // an unknown type is reported once, by PluginChecks
            return;
        }
        String path = "load_balancers." + merged.name();
        EnvDefinition last = lastLayer(chain, merged.name());
        YamlFile lastFile = last == null ? config.yaml() : last.yaml();
        String lastPath = last == null ? path : last.path(path);
        for (ParamProblem problem : factory.validate(merged.settings(), OFFLINE)) {
            LeafSource source = problem.path().isEmpty() ? null : TreeMerger.source(merger.sources(), problem.path());
            if (source != null) {
                Origin at = source.origin();
                problems.accept(new Problem(at.file(), at.line(), at.column(), source.sourcePath(), problem.message(), problem.fix()));
            } else {
                problems.add(lastFile, problem.path().isEmpty() ? lastPath : YamlFile.child(lastPath, problem.path()),
                        "load balancer '" + merged.name() + "' in environment '" + environment + "': " + problem.message(),
                        problem.fix());
            }
        }
    }

    /**
     * Two environments must not put their nodes into one balancer with the same settings (one
     * target group): deploying or promoting one would move the other's nodes. Seen only among
     * the environments loaded together ({@code check} loads them all); a balancer without
     * settings ({@code none}) shares nothing.
     */
    void requireNoneShared(Map<String, LoadedProject.LoadedEnvironment> environments) {
        Map<String, Map<Map<String, Object>, String>> seen = new LinkedHashMap<>();
        environments.forEach((name, environment) -> {
            for (String balancer : used(environment.spec())) {
                LoadBalancerSpec spec = environment.loadBalancers().get(balancer);
                Map<String, Object> settings = spec == null ? Map.of() : spec.settings(); // undeclared: reported already
                String other = settings.isEmpty() ? null
                        : seen.computeIfAbsent(balancer, b -> new HashMap<>()).putIfAbsent(settings, name);
                if (other != null) {
                    EnvDefinition last = lastLayer(environment.chain(), balancer);
                    String path = "load_balancers." + balancer;
                    problems.add(last == null ? config.yaml() : last.yaml(), last == null ? path : last.path(path),
                            "environments '" + other + "' and '" + name + "' put their nodes into load balancer '" + balancer
                                    + "' with the same settings: deploying or promoting one would move the other's nodes",
                            "give each environment its own target under load_balancers: in its env file (e.g. "
                                    + "load_balancers: {" + balancer + ": {target_group: ...}} in neckbeard/envs/" + name + ".yml)");
                }
            }
        });
    }

    /** The balancers an environment's node types name. */
    private List<String> used(EnvironmentSpec environment) {
        return environment.nodes().keySet().stream().map(type -> config.nodeTypes().get(type).spec().loadBalancer())
                .filter(Objects::nonNull).distinct().toList();
    }

    /** The last link of the chain with a layer for the balancer, or null when none has one. */
    private static EnvDefinition lastLayer(List<EnvDefinition> chain, String balancer) {
        EnvDefinition last = null;
        for (EnvDefinition link : chain) {
            if (link.loadBalancers().containsKey(balancer)) {
                last = link;
            }
        }
        return last;
    }

    /** An environment layer names balancers config.yml declares, and leaves their type to config.yml. */
    private void checkLayer(EnvDefinition link) {
        for (Map.Entry<String, Map<String, Object>> layer : link.loadBalancers().entrySet()) {
            String name = layer.getKey();
            String path = link.path("load_balancers." + name);
            if (!config.loadBalancers().containsKey(name)) {
                problems.add(link.yaml(), path, link.label() + " sets load balancer '" + name
                        + "', which is not declared under load_balancers in config.yml",
                        Suggestions.fix(name, config.loadBalancers().keySet(), "load balancers"));
            } else if (layer.getValue().containsKey("type")) {
                problems.add(link.yaml(), YamlFile.child(path, "type"), "an environment cannot change the type of load balancer '"
                        + name + "' (" + config.loadBalancers().get(name).type() + " in config.yml)",
                        "remove type here: an environment overrides a load balancer's settings only");
            }
        }
    }
}
