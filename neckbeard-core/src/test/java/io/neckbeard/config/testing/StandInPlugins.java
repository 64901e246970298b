package io.neckbeard.config.testing;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthCheckContext;
import io.neckbeard.health.HealthCheckFactory;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.plugin.Typed;
import io.neckbeard.plugin.ValidationContext;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerContext;
import io.neckbeard.provisioner.ProvisionerFactory;
import io.neckbeard.transport.Transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Validate-only stand-ins for plugin types whose real implementations live elsewhere
 * ({@code local}, {@code tarball}, {@code shell}, {@code chef-solo}, {@code local-yaml}, {@code http}, {@code none})
 * plus {@code testcloud}, a provider that requires {@code testcloud.image_id}, {@code testbalancer},
 * a load balancer that requires a {@code target_group} string and takes {@code drain_seconds}, {@code buggy}, a
 * health check whose validation throws what no plugin should (a bug: exit 70), and
 * {@code buggy-cloud}, a provider whose {@code launch} has such a bug. They are offered
 * as a plugin JAR (services files only; the classes are on the test class path) holding only the
 * stand-ins whose type is not on the class path: a real implementation is used where there is
 * one, and no type is registered twice (which is an error).
 */
public final class StandInPlugins {
    private StandInPlugins() {
    }

    /** A directory holding the stand-in plugin JAR, for {@link Plugins#withPluginDirs} or {@code --plugin-path}. */
    public static Path directory(Path parent) {
        try {
            Path dir = Files.createDirectories(parent.resolve("stand-in-plugins"));
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("stand-ins.jar")))) {
                service(jar, ResourceProviderFactory.class, Local.class, TestCloud.class, BuggyCloud.class);
                service(jar, PackagerFactory.class, Tarball.class);
                service(jar, ProvisionerFactory.class, Shell.class, ChefSolo.class);
                service(jar, CoordinatorBackendFactory.class, LocalYaml.class);
                service(jar, HealthCheckFactory.class, Http.class, Buggy.class);
                service(jar, LoadBalancerFactory.class, NoLoadBalancer.class, TestBalancer.class);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Plugins plugins(Path parent) {
        return Plugins.withPluginDirs(List.of(directory(parent)));
    }

    @SafeVarargs
    private static <F extends Typed> void service(JarOutputStream jar, Class<F> spi, Class<? extends F>... implementations)
            throws IOException {
        var builtIn = Plugins.builtIn().all(spi).keySet();
        jar.putNextEntry(new JarEntry("META-INF/services/" + spi.getName()));
        OutputStream out = jar;
        for (Class<? extends F> implementation : implementations) {
            if (!builtIn.contains(instance(implementation).type())) {
                out.write((implementation.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        jar.closeEntry();
    }

    private static Typed instance(Class<? extends Typed> implementation) {
        try {
            return implementation.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UnsupportedOperationException standIn() {
        return new UnsupportedOperationException("validate-only stand-in for tests");
    }

    public static final class Local implements ResourceProviderFactory {
        @Override
        public String type() {
            return "local";
        }

        @Override
        public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
            return List.of();
        }

        @Override
        public ResourceProvider create(ProviderContext context) {
            throw standIn();
        }
    }

    public static final class TestCloud implements ResourceProviderFactory {
        @Override
        public String type() {
            return "testcloud";
        }

        @Override
        public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
            List<ParamProblem> problems = new ArrayList<>();
            Object block = params.get("testcloud");
            Object image = block instanceof Map<?, ?> map ? map.get("image_id") : null;
            if (image == null) {
                problems.add(new ParamProblem("testcloud.image_id", "testcloud.image_id is required", "set testcloud.image_id"));
            } else if (!(image instanceof String)) {
                problems.add(new ParamProblem("testcloud.image_id", "testcloud.image_id must be a string", "quote it"));
            }
            return problems;
        }

        @Override
        public ResourceProvider create(ProviderContext context) {
            throw standIn();
        }
    }

    /** A provider with a bug in {@code launch}: a NullPointerException, which is exit 70, not a failed node. */
    public static final class BuggyCloud implements ResourceProviderFactory {
        @Override
        public String type() {
            return "buggy-cloud";
        }

        @Override
        public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
            return List.of();
        }

        @Override
        public ResourceProvider create(ProviderContext context) {
            return new ResourceProvider() {
                @Override
                public List<Resource> discover(String app, String environment) {
                    return List.of();
                }

                @Override
                public Resource launch(LaunchRequest request) {
                    throw new NullPointerException("buggy-cloud provider: no subnet for zone " + request.node().az());
                }

                @Override
                public Resource refresh(Resource resource) {
                    return resource;
                }

                @Override
                public void terminate(Resource resource) {
                    // it never launched anything
                }

                @Override
                public Transport transport(Resource resource, NodeSpec node, ResolvedParams params) {
                    throw standIn();
                }
            };
        }
    }

    public static final class Tarball implements PackagerFactory {
        @Override
        public String type() {
            return "tarball";
        }

        @Override
        public Packager create(PackagerContext context) {
            throw standIn();
        }
    }

    public static final class Shell implements ProvisionerFactory {
        @Override
        public String type() {
            return "shell";
        }

        @Override
        public Provisioner create(ProvisionerContext context) {
            throw standIn();
        }
    }

    public static final class ChefSolo implements ProvisionerFactory {
        @Override
        public String type() {
            return "chef-solo";
        }

        @Override
        public Provisioner create(ProvisionerContext context) {
            throw standIn();
        }
    }

    public static final class LocalYaml implements CoordinatorBackendFactory {
        @Override
        public String type() {
            return "local-yaml";
        }

        @Override
        public CoordinatorBackend create(CoordinatorContext context) {
            throw standIn();
        }
    }

    public static final class Http implements HealthCheckFactory {
        @Override
        public String type() {
            return "http";
        }

        @Override
        public HealthCheck create(HealthCheckContext context) {
            throw standIn();
        }
    }

    public static final class NoLoadBalancer implements LoadBalancerFactory {
        @Override
        public String type() {
            return "none";
        }

        @Override
        public LoadBalancer create(LoadBalancerContext context) {
            throw standIn();
        }
    }

    public static final class TestBalancer implements LoadBalancerFactory {
        @Override
        public String type() {
            return "testbalancer";
        }

        @Override
        public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
            List<ParamProblem> problems = new ArrayList<>(PluginSettings.unknownKeys(settings,
                    List.of("target_group", "drain_seconds", "checks"), "testbalancer load balancer"));
            if (!(settings.get("target_group") instanceof String)) {
                problems.add(new ParamProblem("target_group", "the testbalancer load balancer needs a target_group name",
                        "write target_group: NAME"));
            }
            if (settings.containsKey("drain_seconds") && !(settings.get("drain_seconds") instanceof Integer)) {
                problems.add(new ParamProblem("drain_seconds", "drain_seconds must be a whole number", "write drain_seconds: 30"));
            }
            return problems;
        }

        @Override
        public LoadBalancer create(LoadBalancerContext context) {
            throw standIn();
        }
    }

    /** A plugin with a bug: its validation throws an unexpected exception, which is exit 70, not a usage error. */
    public static final class Buggy implements HealthCheckFactory {
        @Override
        public String type() {
            return "buggy";
        }

        @Override
        public HealthCheck create(HealthCheckContext context) {
            throw new IllegalStateException("buggy plugin: index 3 out of bounds");
        }
    }
}
