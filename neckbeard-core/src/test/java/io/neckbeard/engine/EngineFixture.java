package io.neckbeard.engine;

import io.neckbeard.config.ConfigLoader;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.Project;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.stack.Stack;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A temp copy of the {@code engine-project} fixture (two local nodes, each running a sleep),
 * opened with the real built-in plugins plus {@code counting-local} and {@code stand-in-db} (providers), {@code counting}
 * (a load balancer) and {@code in-memory} (a coordinator), offered as a plugin JAR holding only
 * services files (the classes are on the test class path). Register it with {@code @RegisterExtension}; leftover node processes are killed and the
 * files removed after each test.
 */
final class EngineFixture implements BeforeEachCallback, AfterEachCallback {
    static final Progress SILENT = new Progress() {
        @Override
        public void step(String node, String step) {
        }

        @Override
        public void output(String node, String line) {
        }

        @Override
        public void finished(NodeOutcome outcome) {
        }

        @Override
        public void message(String text) {
        }
    };

    private Path temp;
    private Path root;
    private Plugins plugins;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        temp = Files.createTempDirectory("neckbeard-engine-core-test");
        root = Fixtures.copy("engine-project", temp.resolve("project")).toRealPath();
        plugins = Plugins.withPluginDirs(List.of(pluginJarDirectory(temp.resolve("plugins"))));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        ProcessHandle.allProcesses().filter(p -> cwdUnder(p.pid(), root)).forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    Plugins plugins() {
        return plugins;
    }

    Path root() {
        return root;
    }

    /** Replaces {@code neckbeard/config.yml} with the fixture file {@code name} (under src/test/resources). */
    void useConfig(String name) throws IOException {
        try {
            Files.copy(Path.of(EngineFixture.class.getResource("/" + name).toURI()), root.resolve("neckbeard/config.yml"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** Replaces {@code neckbeard/envs/dev.yml} (it must extend {@code base}). */
    void writeEnvironment(String yaml) throws IOException {
        Files.writeString(root.resolve("neckbeard/envs/dev.yml"), yaml);
    }

    /** The {@code dev} environment with a fresh in-memory coordinator: use one context for a whole test. */
    DeployContext open() {
        return DeployContext.open(root, "dev", plugins, java.time.Duration.ZERO);
    }

    /**
     * The {@code dev} environment of the project as it is now on disk (a test changed its
     * configuration), on {@code context}'s coordinator and so its state; closing {@code context} closes both.
     */
    DeployContext reload(DeployContext context) {
        Project project = new ConfigLoader(plugins).load(root, List.of("dev"));
        return new DeployContext(project, project.environment("dev"), plugins, context.coordinator(), Stack.standard());
    }

    static CountingLocalProviderFactory.CountingProvider provider(DeployContext context) {
        return (CountingLocalProviderFactory.CountingProvider) context.provider(CountingLocalProviderFactory.TYPE);
    }

    /** The {@code web} nodes' balancer. */
    static CountingLoadBalancerFactory.CountingLoadBalancer loadBalancer(DeployContext context) {
        return (CountingLoadBalancerFactory.CountingLoadBalancer) context.loadBalancer("web");
    }

    private static Path pluginJarDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("engine-test.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + ResourceProviderFactory.class.getName()));
            jar.write((CountingLocalProviderFactory.class.getName() + "\n" + StandInDatabaseProviderFactory.class.getName() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            service(jar, CoordinatorBackendFactory.class, InMemoryCoordinatorFactory.class);
            service(jar, LoadBalancerFactory.class, CountingLoadBalancerFactory.class);
        }
        return dir;
    }

    private static void service(JarOutputStream jar, Class<?> spi, Class<?> implementation) throws IOException {
        jar.putNextEntry(new JarEntry("META-INF/services/" + spi.getName()));
        jar.write((implementation.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }

    private static boolean cwdUnder(long pid, Path dir) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).startsWith(dir);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
    }
}
