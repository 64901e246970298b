package io.neckbeard.config;

import io.neckbeard.config.read.ConfigFile;
import io.neckbeard.config.read.EnvDefinition;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.Suggestions;
import io.neckbeard.model.EnvironmentSpec;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.NodeGroup;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.NodeTypeSpec;
import io.neckbeard.model.Project;
import io.neckbeard.model.ServiceSpec;
import io.neckbeard.model.StackSettings;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.provider.ResourceProviderFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The {@link Project} a {@link ConfigLoader} returns: config.yml and the environments loaded and validated. */
final class LoadedProject implements Project {
    private final Path root;
    private final ConfigFile config;
    private final List<String> environmentNames;
    private final Map<String, LoadedEnvironment> environments;
    private final Map<String, ResourceProviderFactory> providers;
    /** Nodes at counts other than the configured ones (set with scale), built once per counts. */
    private final Map<String, List<NodeSpec>> scaled = new ConcurrentHashMap<>();

    /** A loaded environment, its chain, its nodes at the configured counts and its load balancers' merged settings. */
    record LoadedEnvironment(EnvironmentSpec spec, List<EnvDefinition> chain, List<NodeSpec> nodes,
                             Map<String, LoadBalancerSpec> loadBalancers) {
    }

    LoadedProject(Path root, ConfigFile config, List<String> environmentNames, Map<String, LoadedEnvironment> environments,
                  Map<String, ResourceProviderFactory> providers) {
        this.root = root;
        this.config = config;
        this.environmentNames = List.copyOf(environmentNames);
        this.environments = Map.copyOf(environments);
        this.providers = providers;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String app() {
        return config.app();
    }

    @Override
    public String region() {
        return config.region();
    }

    @Override
    public String awsProfile() {
        return config.awsProfile();
    }

    @Override
    public TypedSettings packager() {
        return config.packager();
    }

    @Override
    public TypedSettings coordinator() {
        return config.coordinator();
    }

    @Override
    public TypedSettings provisioner() {
        return config.provisioner();
    }

    @Override
    public StackSettings stack() {
        return config.stack();
    }

    @Override
    public Map<String, ServiceSpec> services() {
        return config.services();
    }

    @Override
    public Map<String, NodeTypeSpec> nodeTypes() {
        return config.nodeTypes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().spec(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Override
    public Map<String, LoadBalancerSpec> loadBalancers(String environment) {
        return loaded(environment).loadBalancers();
    }

    @Override
    public List<String> environmentNames() {
        return environmentNames;
    }

    @Override
    public EnvironmentSpec environment(String name) {
        return loaded(name).spec();
    }

    @Override
    public List<NodeSpec> nodes(String environment, Map<String, Integer> counts) {
        LoadedEnvironment env = loaded(environment);
        boolean configured = counts.entrySet().stream().allMatch(e -> {
            NodeGroup group = env.spec().nodes().get(e.getKey());
            return group == null || group.count() == e.getValue();
        });
        if (configured) {
            return env.nodes();
        }
        return scaled.computeIfAbsent(environment + " " + new TreeMap<>(counts), key -> {
            Problems problems = new Problems();
            List<NodeSpec> nodes = new NodeBuilder(config, providers, problems).build(env.spec(), env.chain(), counts);
            problems.throwIfAny();
            return nodes;
        });
    }

    private LoadedEnvironment loaded(String name) {
        LoadedEnvironment env = environments.get(name);
        if (env == null) {
            throw unknownEnvironment(name, environmentNames);
        }
        return env;
    }

    static NeckbeardException unknownEnvironment(String name, List<String> known) {
        return new NeckbeardException(ExitCode.USAGE, "unknown environment '" + name + "'",
                Suggestions.fix(name, known, "environments") + " (an environment is a file neckbeard/envs/<name>.yml)");
    }
}
