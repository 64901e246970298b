package io.neckbeard.config;

import io.neckbeard.config.read.ConfigFile;
import io.neckbeard.config.read.NodeTypeDefinition;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.core.Durations;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.Suggestions;
import io.neckbeard.health.HealthCheckFactory;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.model.ServiceSpec;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.plugin.Typed;
import io.neckbeard.plugin.ValidationContext;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.provisioner.ProvisionerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code type:} / {@code resource:} in config.yml names a registered plugin, and every
 * plugin's settings block passes that plugin's {@code validate}: the packager, coordinator,
 * provisioner and health checks here (resource providers validate each node's parameters in
 * {@link NodeBuilder}, load balancers their settings per environment in {@link LoadBalancerBuilder}). Each problem is reported at its key's file:line.
 */
final class PluginChecks {
    private static final ValidationContext OFFLINE = new ValidationContext(null, List.of());

    private final Plugins plugins;
    private final Problems problems;
    private final Path projectRoot;

    /** @param projectRoot where the provisioner's files are looked for; null to leave them unchecked */
    PluginChecks(Plugins plugins, Problems problems, Path projectRoot) {
        this.plugins = plugins;
        this.problems = problems;
        this.projectRoot = projectRoot;
    }

    void check(ConfigFile config) {
        PackagerFactory packager = find(config, PackagerFactory.class, config.packager().type(), "packager", "packager");
        if (packager != null) {
            report(config, "packager", packager.validate(config.packager().settings(), OFFLINE));
        }
        CoordinatorBackendFactory coordinator = find(config, CoordinatorBackendFactory.class, config.coordinator().type(),
                "coordinator", "coordinator");
        if (coordinator != null) {
            Map<String, Object> own = new LinkedHashMap<>(config.coordinator().settings());
            own.remove(Coordinator.LOCK_TTL);
            List<ParamProblem> found = new ArrayList<>(coordinator.validate(own, OFFLINE));
            found.addAll(PluginSettings.problemOf(Coordinator.LOCK_TTL, () -> Coordinator.lockTtl(config.coordinator().settings())));
            report(config, "coordinator", found);
        }
        ProvisionerFactory provisioner = find(config, ProvisionerFactory.class, config.provisioner().type(), "provisioner",
                "provisioner");
        if (provisioner != null) {
            ValidationContext context = projectRoot == null ? OFFLINE : new ValidationContext(projectRoot, roles(config));
            report(config, "provisioner", provisioner.validate(config.provisioner().settings(), context));
        }
        // their settings are validated per environment, merged with its layers (LoadBalancerBuilder)
        for (LoadBalancerSpec balancer : config.loadBalancers().values()) {
            find(config, LoadBalancerFactory.class, balancer.type(), "load_balancers." + balancer.name(), "load balancer");
        }
        for (NodeTypeDefinition type : config.nodeTypes().values()) {
            String path = "node_types." + type.spec().name();
            if (!type.spec().resource().isEmpty() && !plugins.all(ResourceProviderFactory.class).containsKey(type.spec().resource())) {
                unknownType(config, ResourceProviderFactory.class, type.spec().resource(), path + ".resource", "resource provider");
            }
            if (type.spec().healthCheck() != null) {
                checkHealthSettings(config, type.spec().healthCheck(), path + ".health_check");
            }
        }
    }

    /** The factory of {@code type}, or null after reporting an unknown type at {@code block}'s {@code type} key. */
    private <F extends Typed> F find(ConfigFile config, Class<F> spi, String type, String block, String what) {
        F factory = plugins.all(spi).get(type);
        if (factory == null) {
            unknownType(config, spi, type, block + ".type", what);
        }
        return factory;
    }

    private void unknownType(ConfigFile config, Class<? extends Typed> spi, String type, String path, String what) {
        problems.add(config.yaml(), path, "unknown " + what + " type '" + type + "'",
                Suggestions.fix(type, plugins.all(spi).keySet(), what + " types") + " (or put a plugin JAR in ~/.neckbeard/plugins/)");
    }

    /** A plugin's problems, each at its key inside {@code block} (the block itself for an empty path). */
    private void report(ConfigFile config, String block, List<ParamProblem> found) {
        for (ParamProblem problem : found) {
            problems.add(config.yaml(), problem.path().isEmpty() ? block : YamlFile.child(block, problem.path()),
                    problem.message(), problem.fix());
        }
    }

    /**
     * A health check's own settings, so a typo fails {@code check} (exit 2) rather than {@code up}
     * after nodes were launched: the factory validates what it reads; interval and timeout are the engine's.
     */
    private void checkHealthSettings(ConfigFile config, TypedSettings settings, String path) {
        HealthCheckFactory factory = find(config, HealthCheckFactory.class, settings.type(), path, "health check");
        try {
            Durations.parseOr(settings.settings().get("interval"), Duration.ZERO, path + ".interval");
            Durations.parseOr(settings.settings().get("timeout"), Duration.ZERO, path + ".timeout");
        } catch (NeckbeardException e) {
            problems.add(config.yaml(), path, e.getMessage(), e.remedy());
        }
        if (factory != null) {
            report(config, path, factory.validate(settings.settings(), OFFLINE));
        }
    }

    /**
     * The packager's settings again, now with the project files the slug must hold (a Procfile),
     * reported after every other problem (a problem found twice is reported once).
     */
    void checkPackagerFiles(ConfigFile config, Path root) {
        PackagerFactory factory = plugins.all(PackagerFactory.class).get(config.packager().type());
        if (factory != null) {
            report(config, "packager", factory.validate(config.packager().settings(), new ValidationContext(root, List.of())));
        }
    }

    /** The roles of every service a node type runs (what the provisioner gets for some node), each once. */
    private static Set<String> roles(ConfigFile config) {
        Set<String> roles = new LinkedHashSet<>();
        for (NodeTypeDefinition type : config.nodeTypes().values()) {
            for (String service : type.spec().services()) {
                ServiceSpec spec = config.services().get(service);
                if (spec != null) {
                    roles.addAll(spec.roles());
                }
            }
        }
        return roles;
    }
}
