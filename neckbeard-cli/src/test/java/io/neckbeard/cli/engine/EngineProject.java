package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temp copy of the {@code engine-project} fixture (local nodes running a stdlib Python app),
 * with what the end-to-end tests need: run the CLI in-process, read the real state, talk HTTP to
 * the real nodes, and find the real processes. A JUnit extension: register it with
 * {@code @RegisterExtension final EngineProject project = EngineProject.fresh();} and each test
 * gets a fresh copy, whose leftover processes are killed and files removed after the test.
 */
final class EngineProject implements BeforeEachCallback, AfterEachCallback {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Path temp;
    private Path root;
    private Cli cli;

    private EngineProject() {
    }

    static EngineProject fresh() {
        return new EngineProject();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        temp = Files.createTempDirectory("neckbeard-engine-test");
        root = Fixtures.copy("engine-project", temp.resolve("project")).toRealPath();
        cli = Cli.with("-C", root.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        processes(root).forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Where tests keep the stdout and stderr of the JAR processes they start. */
    Path logs() {
        return temp.resolve("logs");
    }

    Path root() {
        return root;
    }

    void writeEnvironment(String name, String yaml) throws IOException {
        Files.writeString(root.resolve("neckbeard/envs/" + name + ".yml"), yaml);
    }

    /** {@code neckbeard -C <root> args...}, in-process. */
    Cli.Run run(String... args) {
        return cli.run(args);
    }

    /** {@code neckbeard -C <root> args...}, in-process, with {@code input} piped to it. */
    Cli.Run runWithInput(String input, String... args) {
        return cli.runWithInput(input, args);
    }

    /** The environment's state as the real coordinator backend reads it from disk. */
    EnvironmentState state(String environment) {
        Plugins plugins = Plugins.builtIn();
        try (Coordinator coordinator = Coordinator.open(new ConfigLoader(plugins).load(root, List.of(environment)), plugins, Duration.ZERO)) {
            return coordinator.read(environment);
        }
    }

    /** The body of {@code GET http://127.0.0.1:<port><path>}, or null when nothing answers. */
    static String get(int port, String path) {
        return get("127.0.0.1", port, path);
    }

    /** The body of {@code GET http://<host>:<port><path>}, or null when nothing answers. */
    static String get(String host, int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static int port(NodeRecord node) {
        return Integer.parseInt(node.attributes().get("port"));
    }

    static String body(NodeRecord node) {
        return get(port(node), "/");
    }

    /** Live app processes (the python running {@code server.py}, not a shell around it) under {@code dir}. */
    static List<ProcessHandle> appProcesses(Path dir) {
        return ProcessHandle.allProcesses().filter(p -> cwdUnder(p.pid(), dir))
                .filter(p -> p.info().command().orElse("").contains("python"))
                .filter(p -> p.info().commandLine().orElse("").contains("server.py")).toList();
    }

    /** Live processes of any kind whose working directory is under {@code dir}. */
    static List<ProcessHandle> processes(Path dir) {
        return ProcessHandle.allProcesses().filter(p -> cwdUnder(p.pid(), dir)).toList();
    }

    static Path nodeDir(NodeRecord node) {
        return Path.of(node.attributes().get("dir"));
    }

    static List<ProcessHandle> appProcesses(Generation generation) {
        List<ProcessHandle> all = new ArrayList<>();
        generation.nodes().forEach(n -> all.addAll(appProcesses(nodeDir(n))));
        return all;
    }

    private static boolean cwdUnder(long pid, Path dir) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).startsWith(dir);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
    }
}
