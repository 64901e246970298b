package io.neckbeard.config;

import io.neckbeard.config.read.ConfigFile;
import io.neckbeard.config.read.NodeTypeDefinition;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.config.validate.Suggestions;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.core.Durations;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.health.HealthCheckFactory;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.packager.PackagerSettingException;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.plugin.Typed;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.provisioner.ProvisionerFactory;
import io.neckbeard.provisioner.ProvisionerSettingException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every {@code type:} / {@code resource:} in config.yml names a registered plugin, and the
 * health checks' and the provisioner's own settings are valid.
 */
final class PluginChecks {
    private final Plugins plugins;
    private final Problems problems;
    private final Path projectRoot;

    /** @param projectRoot where the provisioner's files are looked for; null to leave the provisioner's settings unchecked */
    PluginChecks(Plugins plugins, Problems problems, Path projectRoot) {
        this.plugins = plugins;
        this.problems = problems;
        this.projectRoot = projectRoot;
    }

    void check(ConfigFile config) {
        check(config, PackagerFactory.class, config.packager().type(), "packager.type", "packager");
        checkPackagerSettings(config);
        check(config, CoordinatorBackendFactory.class, config.coordinator().type(), "coordinator.type", "coordinator");
        check(config, ProvisionerFactory.class, config.provisioner().type(), "provisioner.type", "provisioner");
        if (projectRoot != null) {
            checkProvisionerSettings(config);
        }
        config.loadBalancers().values().forEach(balancer -> check(config, LoadBalancerFactory.class, balancer.type(),
                "load_balancers." + balancer.name() + ".type", "load balancer"));
        for (NodeTypeDefinition type : config.nodeTypes().values()) {
            String path = "node_types." + type.spec().name();
            if (!type.spec().resource().isEmpty()) {
                check(config, ResourceProviderFactory.class, type.spec().resource(), path + ".resource", "resource provider");
            }
            if (type.spec().healthCheck() != null) {
                check(config, HealthCheckFactory.class, type.spec().healthCheck().type(), path + ".health_check.type",
                        "health check");
                checkHealthSettings(config, type.spec().healthCheck(), path + ".health_check");
            }
        }
    }

    private void check(ConfigFile config, Class<? extends Typed> spi, String type, String path, String what) {
        var registered = plugins.all(spi).keySet();
        if (!registered.contains(type)) {
            problems.add(config.yaml(), path, "unknown " + what + " type '" + type + "'",
                    Suggestions.fix(type, registered, what + " types") + " (or put a plugin JAR in ~/.neckbeard/plugins/)");
        }
    }

    /**
     * A health check's own settings, so a typo fails {@code check} (exit 2) rather than {@code up}
     * after nodes were launched: the factory validates what it reads; interval and timeout are the engine's.
     */
    private void checkHealthSettings(ConfigFile config, TypedSettings settings, String path) {
        HealthCheckFactory factory = plugins.all(HealthCheckFactory.class).get(settings.type());
        try {
            Durations.parseOr(settings.settings().get("interval"), Duration.ZERO, path + ".interval");
            Durations.parseOr(settings.settings().get("timeout"), Duration.ZERO, path + ".timeout");
            if (factory != null) {
                factory.create(settings);
            }
        } catch (NeckbeardException e) {
            problems.add(config.yaml(), path, e.getMessage(), e.remedy());
        }
    }

    /** The packager's own settings (e.g. the tarball's follow_links), reported at the packager block. */
    private void checkPackagerSettings(ConfigFile config) {
        PackagerFactory factory = plugins.all(PackagerFactory.class).get(config.packager().type());
        try {
            if (factory != null) {
                factory.validate(config.packager().settings());
            }
        } catch (NeckbeardException e) {
            problems.add(config.yaml(), "packager", e.getMessage(), e.remedy());
        }
    }

    /**
     * The provisioner's settings and the project files they name (scripts, role files), so a
     * mistake fails {@code check}, and {@code up} before a node is launched or taken out of service,
     * rather than mid-deploy. Reported at the setting when the provisioner names it.
     */
    private void checkProvisionerSettings(ConfigFile config) {
        TypedSettings provisioner = config.provisioner();
        ProvisionerFactory factory = plugins.all(ProvisionerFactory.class).get(provisioner.type());
        if (factory == null) {
            return;
        }
        try {
            factory.validate(provisioner.settings(), projectRoot, roles(config));
        } catch (ProvisionerSettingException e) {
            problems.add(config.yaml(), YamlFile.child("provisioner", e.setting()), e.getMessage(), e.remedy());
        } catch (NeckbeardException e) {
            problems.add(config.yaml(), "provisioner", e.getMessage(), e.remedy());
        }
    }

    /** The packager's settings and the project files the slug must hold, reported at the setting. */
    void checkPackagerFiles(ConfigFile config, Path root) {
        TypedSettings packager = config.packager();
        PackagerFactory factory = plugins.all(PackagerFactory.class).get(packager.type());
        if (factory == null) {
            return;
        }
        try {
            factory.checkProjectFiles(packager.settings(), root);
        } catch (PackagerSettingException e) {
            problems.add(config.yaml(), e.setting().isEmpty() ? "packager" : YamlFile.child("packager", e.setting()),
                    e.getMessage(), e.remedy());
        } catch (NeckbeardException e) {
            problems.add(config.yaml(), "packager", e.getMessage(), e.remedy());
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
