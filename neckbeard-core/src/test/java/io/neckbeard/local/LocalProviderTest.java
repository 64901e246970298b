package io.neckbeard.local;

import io.neckbeard.core.FileTrees;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.model.StackSettings;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import io.neckbeard.stack.Stack;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.testing.Processes;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.local.LocalTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalProviderTest {
    @TempDir
    Path project;

    private ResourceProvider provider() {
        return Plugins.builtIn().find(ResourceProviderFactory.class, "local", "resource provider")
                .create(new ProviderContext(project, "hello", null));
    }

    static NodeSpec node(String name) {
        return new NodeSpec(name, "app", Integer.parseInt(name.substring(name.indexOf('-') + 1)), "local-a", "small",
                "local", List.of("web"), new ParamTree(Map.of(), Map.of()));
    }

    static LaunchRequest request(Path project, String env, long generation, String node, Resource seedFrom) {
        return new LaunchRequest("hello", env, generation, node(node), Map.of(), Tags.of("hello", env, generation, node),
                "hello-" + env + "-g" + generation + "-" + node, seedFrom, project);
    }

    @Test
    void launchCreatesTheNodeDirectoryWithItsNodeFileAndAFreePort() throws Exception {
        Resource node = provider().launch(request(project, "dev", 1, "app-1", null));

        Path dir = project.resolve(".neckbeard/local/dev/g1-app-1");
        assertThat(node.id()).isEqualTo("dev/g1-app-1");
        assertThat(node.address()).isEqualTo("127.0.0.1");
        assertThat(node.running()).isTrue();
        assertThat(node.attributes()).containsEntry("dir", dir.toString())
                .containsEntry("stack_root", dir.resolve("stack").toString())
                .containsEntry("process_manager", "direct");
        assertThat(node.tags()).containsEntry(Tags.NODE, "app-1").containsEntry(Tags.GENERATION, "1");
        LocalNode written = Json.mapper().readValue(dir.resolve("node.json").toFile(), LocalNode.class);
        assertThat(written.clientToken()).isEqualTo("hello-dev-g1-app-1");
        assertThat(Integer.toString(written.port())).isEqualTo(node.attributes().get("port"));
        assertThat(written.createdAt()).isNotNull();
    }

    @Test
    void aRetriedLaunchWithTheSameClientTokenReturnsTheSameNode() {
        ResourceProvider provider = provider();
        Resource first = provider.launch(request(project, "dev", 1, "app-1", null));

        Resource again = provider().launch(request(project, "dev", 1, "app-1", null));

        assertThat(again).isEqualTo(first);
        assertThat(provider.discover("hello", "dev")).hasSize(1);
    }

    @Test
    void discoverFindsTheEnvironmentsNodesOfEveryGenerationOnly() {
        ResourceProvider provider = provider();
        provider.launch(request(project, "dev", 1, "app-1", null));
        provider.launch(request(project, "dev", 2, "app-1", null));
        provider.launch(request(project, "staging", 1, "app-1", null));

        assertThat(provider.discover("hello", "dev")).extracting(Resource::id).containsExactly("dev/g1-app-1", "dev/g2-app-1");
        assertThat(provider.discover("other-app", "dev")).isEmpty();
        assertThat(provider.discover("hello", "production")).isEmpty();
    }

    @Test
    void refreshReportsGoneOnceTheDirectoryIsMissing() throws Exception {
        ResourceProvider provider = provider();
        Resource node = provider.launch(request(project, "dev", 1, "app-1", null));
        assertThat(provider.refresh(node).state()).isEqualTo(ResourceState.RUNNING);

        FileTrees.deleteTree(Path.of(node.attributes().get("dir")));

        assertThat(provider.refresh(node).state()).isEqualTo(ResourceState.GONE);
    }

    @Test
    void terminateStopsTheNodesProcessGroupsAndRemovesItsDirectory() throws Exception {
        List<String> commands = new ArrayList<>();
        ResourceProvider provider = countingProvider(commands);
        Resource node = provider.launch(request(project, "dev", 1, "app-1", null));
        Path dir = Path.of(node.attributes().get("dir"));
        List<Long> group = startProcessGroup(provider, node);
        commands.clear();

        provider.terminate(node);

        for (long pid : group) {
            Processes.waitUntilGone(pid);
            assertThat(Processes.running(pid)).as("pid %d", pid).isFalse();
        }
        assertThat(commands).as("the stop script").hasSize(1);
        assertThat(dir).doesNotExist();
        assertThat(provider.refresh(node).state()).isEqualTo(ResourceState.GONE);
        provider.terminate(node);
    }

    @Test
    void terminateAfterTheStackStoppedTheProcessesRunsNoSecondStop() throws Exception {
        List<String> commands = new ArrayList<>();
        ResourceProvider provider = countingProvider(commands);
        Resource node = provider.launch(request(project, "dev", 1, "app-1", null));
        Path dir = Path.of(node.attributes().get("dir"));
        List<Long> group = startProcessGroup(provider, node);
        // what the engine does before it terminates a node
        try (Transport transport = provider.transport(node, node("app-1"), ResolvedParams.plain(Map.of()))) {
            Stack.standard().stop(transport, StackTarget.forResource(node, new StackSettings("/srv/hello", 5, "systemd"),
                    "hello", "dev", "app-1", 1, Map.of(), Map.of()));
        }
        for (long pid : group) {
            Processes.waitUntilGone(pid);
        }
        assertThat(dir.resolve("stack/run")).isEmptyDirectory();
        commands.clear();

        provider.terminate(node);

        assertThat(commands).as("commands run by terminate").isEmpty();
        assertThat(dir).doesNotExist();
    }

    /** A process group like the direct process manager's (its leader's pid in stack/run/web.pid), with a child: all its pids. */
    private static List<Long> startProcessGroup(ResourceProvider provider, Resource node) throws Exception {
        Path dir = Path.of(node.attributes().get("dir"));
        try (Transport transport = provider.transport(node, node("app-1"), ResolvedParams.plain(Map.of()))) {
            transport.run("mkdir -p stack/run && setsid /bin/sh -c 'echo $$ > stack/run/web.pid; sleep 300 & wait' "
                    + ">/dev/null 2>&1 </dev/null & sleep 0.5", Map.of(), Duration.ofSeconds(10), l -> { });
        }
        long leader = Long.parseLong(Files.readString(dir.resolve("stack/run/web.pid")).strip());
        List<Long> group = new ArrayList<>(ProcessHandle.of(leader).orElseThrow().children().map(ProcessHandle::pid).toList());
        group.add(leader);
        assertThat(group).hasSize(2).allMatch(Processes::running);
        return group;
    }

    /** The local provider with real local transports that write down every command they run. */
    private ResourceProvider countingProvider(List<String> commands) {
        return new LocalProvider(project, (dir, name) -> new CountingTransport(new LocalTransport(dir, name), commands));
    }

    private record CountingTransport(Transport transport, List<String> commands) implements Transport {
        @Override
        public CommandResult run(String command, Map<String, String> environment, Duration timeout, Consumer<String> output) {
            synchronized (commands) {
                commands.add(command);
            }
            return transport.run(command, environment, timeout, output);
        }

        @Override
        public void upload(Path local, String remotePath) {
            transport.upload(local, remotePath);
        }

        @Override
        public void write(String remotePath, byte[] content, int mode) {
            transport.write(remotePath, content, mode);
        }

        @Override
        public String describe() {
            return transport.describe();
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    @Test
    void nodesLaunchedAtTheSameTimeNeverShareAPortAcrossGenerations() throws Exception {
        int nodes = 24;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Resource>> launches = new ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                long generation = i % 2 + 1;
                String name = "app-" + i;
                Callable<Resource> launch = () -> {
                    start.await();
                    return provider().launch(request(project, "dev", generation, name, null));
                };
                launches.add(pool.submit(launch));
            }
            start.countDown();
            List<String> ports = new ArrayList<>();
            for (Future<Resource> launch : launches) {
                ports.add(launch.get().attributes().get("port"));
            }
            assertThat(ports).hasSize(nodes).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSeededLaunchCopiesTheSeedNodesDataOnce() throws Exception {
        ResourceProvider provider = provider();
        Resource seed = provider.launch(request(project, "production", 3, "db-1", null));
        Path seedData = Files.createDirectories(Path.of(seed.attributes().get("dir")).resolve("data/pg"));
        Files.writeString(seedData.resolve("table"), "rows");

        Resource fresh = provider.launch(request(project, "staging", 1, "db-1", seed));
        Path copied = Path.of(fresh.attributes().get("dir")).resolve("data/pg/table");
        assertThat(copied).hasContent("rows");

        Files.writeString(copied, "changed on staging");
        provider.launch(request(project, "staging", 1, "db-1", seed));
        assertThat(copied).hasContent("changed on staging");
    }

    @Test
    void aNodeNameThatLeadsOutOfTheNodesDirectoryIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path victim = Files.createDirectories(project.resolve("victim"));
        Files.writeString(victim.resolve("precious"), "keep me");

        assertThatThrownBy(() -> provider().launch(request(project, "dev", 1, "a/../../../../victim-1", null)))
                .isInstanceOf(NeckbeardException.class).hasMessageContaining("is not inside");
        assertThatThrownBy(() -> provider().launch(request(project, "../..", 1, "app-1", null)))
                .isInstanceOf(NeckbeardException.class).hasMessageContaining("is not inside");

        assertThat(victim).isDirectoryContaining(path -> path.getFileName().toString().equals("precious"));
        assertThat(victim.resolve("node.json")).doesNotExist();
    }

    @Test
    void terminateRefusesARecordedDirectoryOutsideTheNodesDirectory() throws Exception {
        Path victim = Files.createDirectories(project.resolve("victim"));
        Files.writeString(victim.resolve("precious"), "keep me");
        Resource forged = new Resource("dev/g1-app-1", "local", "127.0.0.1", ResourceState.RUNNING, Map.of(), Map.of("dir", victim.toString()));

        assertThatThrownBy(() -> provider().terminate(forged)).isInstanceOf(NeckbeardException.class);

        assertThat(victim.resolve("precious")).hasContent("keep me");
    }

    @Test
    void launchRefusesADirectoryThatHoldsFilesButNoNodeFile() throws Exception {
        Path dir = Files.createDirectories(project.resolve(".neckbeard/local/dev/g1-app-1"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> provider().launch(request(project, "dev", 1, "app-1", null)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("neckbeard did not create it");

        assertThat(dir.resolve("node.json")).doesNotExist();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void terminateLeavesADirectoryWithoutItsNodeFileAlone() throws Exception {
        ResourceProvider provider = provider();
        Resource node = provider.launch(request(project, "dev", 1, "app-1", null));
        Path dir = Path.of(node.attributes().get("dir"));
        Files.delete(dir.resolve("node.json"));
        Files.writeString(dir.resolve("notes.txt"), "not neckbeard's");

        provider.terminate(node);

        assertThat(dir.resolve("notes.txt")).hasContent("not neckbeard's");
        assertThat(provider.refresh(node).state()).isEqualTo(ResourceState.GONE);
    }

    @Test
    void validateAcceptsAnEmptyLocalBlockAndRejectsUnknownKeysInIt() {
        ResourceProviderFactory factory = new LocalProviderFactory();

        assertThat(factory.validate("app", Map.of())).isEmpty();
        assertThat(factory.validate("app", Map.of("local", Map.of()))).isEmpty();
        assertThat(factory.validate("app", Map.of("local", Map.of("prot", 8080))))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("local.prot");
                    assertThat(p.message()).contains("unknown setting 'prot'");
                });
        assertThat(factory.validate("app", Map.of("local", "yes"))).hasSize(1);
    }
}
