package io.neckbeard.engine;

import io.neckbeard.config.ConfigLoader;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.core.Durations;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.hooks.Hooks;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthCheckContext;
import io.neckbeard.health.HealthCheckFactory;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.EnvironmentSpec;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.NodeTypeSpec;
import io.neckbeard.model.Project;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.packager.Slug;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceKind;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerContext;
import io.neckbeard.provisioner.ProvisionerFactory;
import io.neckbeard.stack.Stack;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.Transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Everything a deploy command works with for one environment: the project, the coordinator and
 * the SPI implementations it names, each found through {@link Plugins} and created once.
 */
public final class DeployContext implements AutoCloseable {
    static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(2);
    static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(120);
    private static final LoadBalancerSpec NO_LOAD_BALANCER = new LoadBalancerSpec("none", "none", Map.of());

    private final Project project;
    private final EnvironmentSpec environment;
    private final Plugins plugins;
    private final Coordinator coordinator;
    private final Stack stack;
    private final Map<String, ResourceProvider> providers = new ConcurrentHashMap<>();
    private final Map<String, LoadBalancer> loadBalancers = new ConcurrentHashMap<>();
    private final Map<String, HealthSettings> healthChecks = new ConcurrentHashMap<>();

    public DeployContext(Project project, EnvironmentSpec environment, Plugins plugins, Coordinator coordinator, Stack stack) {
        this.project = project;
        this.environment = environment;
        this.plugins = plugins;
        this.coordinator = coordinator;
        this.stack = stack;
    }

    /** Loads and validates the project for {@code environment} and opens its coordinator (for plan and up). */
    public static DeployContext open(Path projectRoot, String environment, Plugins plugins, Duration lockTimeout) {
        return open(new ConfigLoader(plugins), projectRoot, environment, plugins, lockTimeout);
    }

    /**
     * The same for a command that never provisions a node (promote, rollback, terminate, run,
     * ssh): the provisioner's settings and files are not checked (see {@link ConfigLoader#withoutProvisionerChecks}).
     */
    public static DeployContext openWithoutProvisioning(Path projectRoot, String environment, Plugins plugins,
                                                        Duration lockTimeout) {
        return open(ConfigLoader.withoutProvisionerChecks(plugins), projectRoot, environment, plugins, lockTimeout);
    }

    private static DeployContext open(ConfigLoader loader, Path projectRoot, String environment, Plugins plugins,
                                      Duration lockTimeout) {
        Project project = loader.load(projectRoot, List.of(environment));
        EnvironmentSpec spec = project.environment(environment);
        return new DeployContext(project, spec, plugins, Coordinator.open(project, plugins, lockTimeout), Stack.standard());
    }

    public Project project() {
        return project;
    }

    public EnvironmentSpec environment() {
        return environment;
    }

    public String name() {
        return environment.name();
    }

    public Coordinator coordinator() {
        return coordinator;
    }

    public Stack stack() {
        return stack;
    }

    public ResourceProvider provider(String type) {
        return providers.computeIfAbsent(type, t -> plugins.find(ResourceProviderFactory.class, t, "resource provider")
                .create(providerContext()));
    }

    /**
     * How to reach a recorded node: its provider's transport, given the node's tree resolved for
     * its generation and resource, so {@code ssh:} settings may use {@code ${env:VAR}} or
     * {@code ${node.address}} as they do when the node is provisioned.
     */
    public Transport transport(NodeSpec node, long generation, Resource resource) {
        requireHost(node.name(), node.type());
        List<NodeRecord> nodes = coordinator.read(name()).generation(generation).map(Generation::nodes).orElse(List.of());
        return provider(resource.provider()).transport(resource, node, NodeParams.resolve(node, generation, resource, nodes));
    }

    /** Whether the nodes of a type are managed services (never logged into), not hosts. */
    public boolean managed(String nodeType) {
        NodeTypeSpec spec = nodeType(nodeType);
        return spec != null && provider(spec.resource()).kind() == ResourceKind.MANAGED;
    }

    /** Refuses (exit 2) to log into a node of a managed type: there is no host to reach. */
    void requireHost(String node, String nodeType) {
        if (managed(nodeType)) {
            throw new NeckbeardException(ExitCode.USAGE, "node " + node + " of " + name() + " is a managed "
                    + nodeType(nodeType).resource() + " resource: there is no host to log into or run commands on",
                    "reach it at the endpoint `neckbeard status " + name() + "` shows, from a host node"
                            + " (its ${peers." + nodeType + ".address} and ${peers." + nodeType + ".port})");
        }
    }

    /** The load balancer of a node type; the {@code none} balancer when the type names none. */
    public LoadBalancer loadBalancer(String nodeType) {
        String name = nodeType(nodeType).loadBalancer();
        LoadBalancerSpec spec = name == null ? NO_LOAD_BALANCER : project.loadBalancers(name()).get(name);
        return loadBalancers.computeIfAbsent(spec.name(), n -> plugins.find(LoadBalancerFactory.class, spec.type(),
                "load balancer").create(new LoadBalancerContext(project.root(), project.app(), spec, project.region(), plugins.run())));
    }

    /**
     * The health check of a node type; without one, the {@link DefaultHealthCheck} (the node's
     * port accepts connections, else its resource runs), polled with the default interval and timeout.
     */
    public HealthSettings healthCheck(String nodeType) {
        return healthChecks.computeIfAbsent(nodeType, type -> {
            TypedSettings configured = nodeType(type).healthCheck();
            if (managed(type)) {
                requireManagedCheck(type, configured);
            }
            if (configured == null && managed(type)) {
                return new HealthSettings(check(new TypedSettings("provider", Map.of(), null)), DEFAULT_HEALTH_INTERVAL,
                        DEFAULT_HEALTH_TIMEOUT, false);
            }
            if (configured == null) {
                return new HealthSettings(new DefaultHealthCheck(check(new TypedSettings("tcp", Map.of(), null)),
                        check(new TypedSettings("provider", Map.of(), null))), DEFAULT_HEALTH_INTERVAL, DEFAULT_HEALTH_TIMEOUT, false);
            }
            String at = "node_types." + type + ".health_check.";
            return new HealthSettings(check(configured),
                    Durations.parseOr(configured.settings().get("interval"), DEFAULT_HEALTH_INTERVAL, at + "interval"),
                    Durations.parseOr(configured.settings().get("timeout"), DEFAULT_HEALTH_TIMEOUT, at + "timeout"));
        });
    }

    /** A {@code command} check runs on the node, and a managed node has nowhere to run it (exit 2). */
    private void requireManagedCheck(String type, TypedSettings configured) {
        if (configured != null && "command".equals(configured.type())) {
            throw new NeckbeardException(ExitCode.USAGE, "node type " + type + " runs on managed resource "
                    + nodeType(type).resource() + ", which cannot run its command health check"
                    + (configured.origin() == null ? "" : " (" + configured.origin().location() + ")"),
                    "use health_check: {type: provider} (the default for a managed resource) or {type: tcp}");
        }
    }

    private HealthCheck check(TypedSettings settings) {
        return plugins.find(HealthCheckFactory.class, settings.type(), "health check").create(new HealthCheckContext(settings));
    }

    /**
     * Looks at the node's processes as the engine judges its health.
     *
     * @param processes   the Procfile's process names; empty for every process the Stack started there
     * @param sinceDeploy the processes were just started: an exit since then is a failure
     * @param configVars  the environment's config vars, whose values are masked in the log lines quoted
     */
    ProcessWatch processWatch(Transport transport, Resource resource, String node, long generation, List<String> processes,
                              boolean sinceDeploy, Map<String, String> configVars) {
        return new ProcessWatch(stack, transport, StackTarget.forResource(resource, project.stack(), project.app(), name(), node,
                generation, Map.of(), Map.of()), processes, sinceDeploy, configVars.values());
    }

    public Provisioner provisioner() {
        TypedSettings provisioner = project.provisioner();
        return plugins.find(ProvisionerFactory.class, provisioner.type(), "provisioner")
                .create(new ProvisionerContext(project.root(), project.app(), provisioner.settings()));
    }

    public Map<String, Object> provisionerSettings() {
        return project.provisioner().settings();
    }

    /** Packs the application (the packager reuses an unchanged slug). */
    public Slug pack() {
        TypedSettings packager = project.packager();
        return plugins.find(PackagerFactory.class, packager.type(), "packager")
                .create(new PackagerContext(project.root(), project.app(), packager.settings()))
                .build(new PackageRequest(project.app(), project.root(), packager.settings(),
                        project.root().resolve(".neckbeard").resolve("slugs")));
    }

    /** One batched discovery per resource provider the environment uses (plus any named in {@code recorded}). */
    public List<Resource> discover(Set<String> recorded) {
        Set<String> types = new TreeSet<>(recorded);
        for (String type : environment.nodes().keySet()) {
            types.add(nodeType(type).resource());
        }
        List<Resource> found = new ArrayList<>();
        for (String type : types) {
            found.addAll(provider(type).discover(project.app(), name()));
        }
        return found;
    }

    public NodeTypeSpec nodeType(String type) {
        return project.nodeTypes().get(type);
    }

    /** The roles of a node type's services, in service order. */
    public List<String> roles(List<String> services) {
        List<String> roles = new ArrayList<>();
        for (String service : services) {
            roles.addAll(project.services().get(service).roles());
        }
        return roles;
    }

    public Hooks hooks(Consumer<String> output) {
        return new Hooks(project.root(), name(), environment::hook, output);
    }

    private ProviderContext providerContext() {
        return new ProviderContext(project.root(), project.app(), project.region(), project.awsProfile(), plugins.run());
    }

    @Override
    public void close() {
        coordinator.close();
    }
}
