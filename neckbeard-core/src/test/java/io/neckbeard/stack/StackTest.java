package io.neckbeard.stack;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.local.LocalProviderFactory;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.model.StackSettings;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.Slug;
import io.neckbeard.packager.tarball.TarballPackagerFactory;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.Tags;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.testing.Processes;
import io.neckbeard.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stack end to end on a real local node, running the fixture's Python web server from a slug. */
class StackTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;
    Path project;
    ResourceProvider provider;
    Resource node;
    Transport transport;
    StackTarget target;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void launchNode() throws IOException {
        project = Fixtures.copy("slug-project", temp.resolve("project"));
        provider = new LocalProviderFactory().create(new ProviderContext(project, "hello", null));
        NodeSpec spec = new NodeSpec("app-1", "app", 1, "a", "small", "local", List.of("web"), new ParamTree(Map.of(), Map.of()));
        node = provider.launch(new LaunchRequest("hello", "dev", 1, spec, Map.of(), Tags.of("hello", "dev", 1, "app-1"),
                "token-1", null, project));
        transport = provider.transport(node, spec, ResolvedParams.plain(Map.of()));
        target = StackTarget.forResource(node, new StackSettings("/srv/hello", 2, "systemd"), "hello", "dev", "app-1", 1,
                Map.of(), Map.of("GREETING", "it's me"));
    }

    @AfterEach
    void terminateNode() {
        provider.terminate(node);
    }

    private Slug slug(String change) throws IOException {
        if (change != null) {
            Files.writeString(project.resolve("app/server.py"), "\n# " + change + "\n", StandardOpenOption.APPEND);
        }
        return new TarballPackagerFactory().create(new PackagerContext(project, "hello", Map.of()))
                .build(new PackageRequest("hello", project, Map.of(), project.resolve(".neckbeard/slugs")));
    }

    @Test
    void deploysTheSlugAsTheCurrentReleaseAndServesItOnTheNodesPort() throws Exception {
        Slug slug = slug(null);
        Path root = Path.of(target.root());

        new Stack(Map.of("direct", new DirectProcessManager())).deploy(transport, slug, target, log::add);

        assertThat(target.root()).isEqualTo(node.attributes().get("stack_root"));
        assertThat(target.processManager()).isEqualTo("direct");
        Path release = root.resolve("releases").resolve(slug.id());
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(release);
        String body = awaitBody("release=" + slug.id());
        assertThat(body).contains("node=app-1", "greeting=it's me", "cwd=" + release);
        Path env = root.resolve("shared/env");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(env)).contains("GREETING='it'\\''s me'", "PORT='" + target.port() + "'",
                "NECKBEARD_RELEASE='" + slug.id() + "'", "NECKBEARD_GENERATION='1'", "NECKBEARD_ENV='dev'");
        assertThat(root.resolve("run/web.pid")).exists();
        assertThat(root.resolve("run/worker.pid")).exists();
        // stop_group signals the group the pid file names: the pid must lead its own process group
        long web = pid(root.resolve("run/web.pid"));
        assertThat(processGroup(web)).isEqualTo(web).isNotEqualTo(processGroup(ProcessHandle.current().pid()));
        awaitFile(release.resolve("worker.out"));
        assertThat(release.resolve("worker.out")).hasContent("worker PORT=unset GREETING=it's me");
        assertThat(log).anyMatch(l -> l.startsWith("started web (pid "));
        assertThat(String.join("\n", log)).doesNotContain("it's me");
    }

    @Test
    void aNewReleaseRestartsTheProcessesAndOldReleasesArePrunedToKeepReleases() throws Exception {
        Stack stack = Stack.standard();
        Path root = Path.of(target.root());
        Slug first = slug(null);
        stack.deploy(transport, first, target, log::add);
        awaitBody("release=" + first.id());
        long firstWeb = pid(root.resolve("run/web.pid"));

        Slug second = slug("second");
        stack.deploy(transport, second, target, log::add);
        awaitBody("release=" + second.id());
        assertThat(Processes.running(firstWeb)).isFalse();
        assertThat(pid(root.resolve("run/web.pid"))).isNotEqualTo(firstWeb);

        Slug third = slug("third");
        stack.deploy(transport, third, target, log::add);
        awaitBody("release=" + third.id());

        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(root.resolve("releases").resolve(third.id()));
        try (var releases = Files.list(root.resolve("releases"))) {
            assertThat(releases.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(second.id(), third.id());
        }
        assertThat(root.resolve("slugs").resolve(first.id() + ".tar.gz")).doesNotExist();
        assertThat(log).contains("removed release " + first.id());

        stack.deploy(transport, second, target, log::add);
        awaitBody("release=" + second.id());
        try (var releases = Files.list(root.resolve("releases"))) {
            assertThat(releases.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(second.id(), third.id());
        }
    }

    @Test
    void stopEndsEveryProcessOfTheNodeAndRemovesItsConfigVars() throws Exception {
        Stack stack = Stack.standard();
        stack.deploy(transport, slug(null), target, log::add);
        Path run = Path.of(target.root()).resolve("run");
        long web = pid(run.resolve("web.pid"));
        long worker = pid(run.resolve("worker.pid"));
        assertThat(Path.of(target.root()).resolve("shared/env")).exists();

        stack.stop(transport, target);

        assertThat(Processes.running(web)).isFalse();
        assertThat(Processes.running(worker)).isFalse();
        assertThat(run).isEmptyDirectory();
        assertThat(Path.of(target.root()).resolve("shared/env")).doesNotExist();
    }

    @Test
    void terminatingTheLocalNodeEndsTheProcessesTheStackStarted() throws Exception {
        Stack.standard().deploy(transport, slug(null), target, log::add);
        Path run = Path.of(target.root()).resolve("run");
        List<ProcessHandle> processes = new ArrayList<>();
        for (String process : List.of("web", "worker")) {
            ProcessHandle leader = ProcessHandle.of(pid(run.resolve(process + ".pid"))).orElseThrow();
            processes.add(leader);
            leader.descendants().forEach(processes::add);
        }
        awaitBody("release=");

        provider.terminate(node);

        for (ProcessHandle process : processes) {
            process.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(process.isAlive()).as("pid %d", process.pid()).isFalse();
        }
        assertThat(Path.of(node.attributes().get("dir"))).doesNotExist();
    }

    @Test
    void aProcessThatExitsIsRestartedWithBackoffAndItsExitsAreCountedAndShownWithItsLog() throws Exception {
        Files.writeString(project.resolve("Procfile"), "web: python3 app/server.py\n"
                + "worker: echo \"boom: missing DATABASE_URL\"; exit 3\n");
        Stack stack = Stack.standard();
        Path root = Path.of(target.root());
        stack.deploy(transport, slug(null), target, log::add);
        long supervisor = pid(root.resolve("run/worker.pid"));

        // exits after 0 s, then restarted after 1 s, 2 s: three exits within about 3 s
        List<ProcessStatus> statuses = awaitStatus(stack, s -> s.exits() >= 3, "worker");
        ProcessStatus worker = statuses.get(0);
        assertThat(worker.name()).isEqualTo("worker");
        assertThat(worker.lastExitCode()).isEqualTo(3);
        assertThat(worker.lastExitAt()).isNotNull();
        assertThat(worker.exited()).isTrue();
        assertThat(worker.logTail()).contains("boom: missing DATABASE_URL",
                "neckbeard: worker exited with code 3; restarting it in 1s", "neckbeard: worker exited with code 3; restarting it in 2s");
        assertThat(worker.describe()).startsWith("worker exited with code 3, ").contains("boom: missing DATABASE_URL");
        assertThat(Files.readString(root.resolve("run/worker.exits"))).startsWith(worker.exits() + " 3 ");
        assertThat(pid(root.resolve("run/worker.pid"))).isEqualTo(supervisor);
        assertThat(Processes.running(supervisor)).isTrue();

        awaitBody("release=");
        ProcessStatus web = stack.inspect(transport, target, List.of("web")).get(0);
        assertThat(web.running()).isTrue();
        assertThat(web.exits()).isZero();
        assertThat(web.logTail()).isEmpty();
    }

    @Test
    void aKilledServerIsStartedAgainByItsSupervisor() throws Exception {
        Stack stack = Stack.standard();
        Path root = Path.of(target.root());
        stack.deploy(transport, slug(null), target, log::add);
        awaitBody("release=");
        ProcessHandle server = ProcessHandle.of(pid(root.resolve("run/web.pid"))).orElseThrow().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("server.py")).findFirst().orElseThrow();

        server.destroyForcibly();

        List<ProcessStatus> statuses = awaitStatus(stack, s -> s.exits() == 1 && s.running(), "web");
        assertThat(statuses.get(0).lastExitCode()).isEqualTo(137);
        awaitBody("release=");
        assertThat(Processes.running(server.pid())).isFalse();
    }

    @Test
    void inspectingWithoutNamesReportsEveryStartedProcessAndAKilledGroupAsStopped() throws Exception {
        Stack stack = Stack.standard();
        Path root = Path.of(target.root());
        stack.deploy(transport, slug(null), target, log::add);
        long worker = pid(root.resolve("run/worker.pid"));
        awaitFile(root.resolve("current/worker.out")); // the group exists once the worker runs

        new ProcessBuilder("/bin/sh", "-c", "kill -KILL -" + worker).start().waitFor();

        List<ProcessStatus> statuses = awaitStatus(stack, s -> !s.name().equals("worker") || s.state().equals("stopped"));
        assertThat(statuses).extracting(ProcessStatus::name).containsExactly("web", "worker");
        assertThat(statuses.get(1).exited()).isTrue();
        assertThat(statuses.get(1).describe()).startsWith("worker is stopped");
    }

    @Test
    void aPidFileThatCannotBeWrittenFailsTheDeployAndLeavesNoProcessRunning() throws Exception {
        Path run = Files.createDirectories(Path.of(target.root()).resolve("run"));
        Files.createSymbolicLink(run.resolve("web.pid.tmp"), Path.of("/dev/full")); // every write fails: no space left on device
        Slug slug = slug(null);

        assertThatThrownBy(() -> Stack.standard().deploy(transport, slug, target, log::add))
                .isInstanceOfSatisfying(StackException.class, e -> assertThat(e.getMessage())
                        .contains("could not record the pid of web in " + run.resolve("web.pid")));

        Thread.sleep(300); // a process that escaped would have started its server by now
        assertThat(markedProcesses()).isEmpty();
    }

    @Test
    void aProcessWhosePidFileWasLostIsStoppedByTheNextDeployAndByTerminate() throws Exception {
        Stack stack = Stack.standard();
        Path root = Path.of(target.root());
        stack.deploy(transport, slug(null), target, log::add);
        awaitBody("release=");
        long orphan = pid(root.resolve("run/web.pid"));
        Files.writeString(root.resolve("run/web.pid"), ""); // what `echo $! > run/web.pid` leaves on a full disk

        stack.deploy(transport, slug("second"), target, log::add);
        awaitBody("release=");

        assertThat(Processes.running(orphan)).isFalse();
        long second = pid(root.resolve("run/web.pid"));
        Files.delete(root.resolve("run/web.pid"));
        Files.delete(root.resolve("run/worker.pid")); // no pid file left: terminate finds the processes by their marker

        provider.terminate(node);

        assertThat(Processes.running(second)).isFalse();
        assertThat(markedProcesses()).isEmpty();
    }

    @Test
    void appEnvGoesIntoTheEnvFileBeneathTheConfigVarsAndTheStacksOwnVariables() throws Exception {
        StackTarget withAppEnv = new StackTarget(target.root(), 2, "direct", "hello", "dev", "app-1", 1, target.port(),
                Map.of("GREETING", "from app_env", "LOG_LEVEL", "debug", "PORT", "1", "NECKBEARD_NODE", "other"),
                Map.of("GREETING", "it's me"), null);

        List<String> lines = Stack.envFile(withAppEnv, slug(null)).lines().toList();

        assertThat(lines).contains("LOG_LEVEL='debug'", "GREETING='it'\\''s me'", "PORT='" + target.port() + "'",
                "NECKBEARD_NODE='app-1'");
        assertThat(lines).filteredOn(line -> line.startsWith("GREETING=") || line.startsWith("PORT=")
                || line.startsWith("NECKBEARD_NODE=")).hasSize(3);
    }

    /** So an app on a multi-homed host can bind to the address neckbeard reaches it at, not to every interface. */
    @Test
    void theEnvFileExportsTheNodesOwnAddressBesidePort() throws Exception {
        StackTarget withAddress = new StackTarget(target.root(), 2, "direct", "hello", "dev", "app-1", 1, 8080, Map.of(),
                Map.of("NECKBEARD_ADDRESS", "from a config var"), "10.0.3.7");
        StackTarget without = new StackTarget(target.root(), 2, "direct", "hello", "dev", "app-1", 1, 8080, Map.of(), Map.of(), null);

        assertThat(Stack.envFile(withAddress, slug(null)).lines()).contains("NECKBEARD_ADDRESS='10.0.3.7'", "PORT='8080'")
                .filteredOn(line -> line.startsWith("NECKBEARD_ADDRESS=")).hasSize(1);
        assertThat(Stack.envFile(without, slug(null))).doesNotContain("NECKBEARD_ADDRESS");
        assertThat(target.address()).as("the launched node's address").isEqualTo(node.address()).isNotBlank();
    }

    @Test
    void aVariableNameThatIsNotAPlainNameIsRefusedBeforeAnythingRunsOnTheNode() throws Exception {
        Path marker = temp.resolve("pwned");
        StackTarget hostile = new StackTarget(target.root(), 2, "direct", "hello", "dev", "app-1", 1, target.port(),
                Map.of(), Map.of("A=1; touch " + marker + "; B", "x"), null);
        Slug slug = slug(null);

        assertThatThrownBy(() -> Stack.standard().deploy(transport, slug, hostile, log::add))
                .isInstanceOfSatisfying(StackException.class, e -> {
                    assertThat(e.getMessage()).contains("env file of app-1 was not written", "is not a valid variable name");
                    assertThat(e.remedy()).contains("upper-case letters");
                });
        assertThat(marker).doesNotExist();
        assertThat(Path.of(target.root()).resolve("shared/env")).doesNotExist();
    }

    @Test
    void anUnknownProcessManagerIsAUsageErrorListingTheKnownOnes() throws Exception {
        StackTarget runit = new StackTarget(target.root(), 2, "runit", "hello", "dev", "app-1", 1, target.port(), Map.of(), Map.of(), null);
        Slug slug = slug(null);

        assertThatThrownBy(() -> Stack.standard().deploy(transport, slug, runit, log::add))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("'runit'", "stack.process_manager");
                    assertThat(e.remedy()).isEqualTo("use one of: direct, systemd");
                });
        assertThat(Path.of(target.root()).resolve("releases")).doesNotExist();
    }

    @Test
    void inspectGivesThePidAndStartOfEachRunningAppProcess() throws Exception {
        Stack stack = Stack.standard();
        Path root = Path.of(target.root());
        java.time.Instant before = java.time.Instant.now().minusSeconds(5);
        stack.deploy(transport, slug(null), target, log::add);
        awaitBody("release=");

        ProcessStatus web = stack.inspect(transport, target, List.of("web")).get(0);

        ProcessHandle app = ProcessHandle.of(web.pid()).orElseThrow();
        assertThat(app.info().command().orElse("")).contains("python");
        assertThat(app.info().commandLine().orElse("")).contains("server.py");
        assertThat(ProcessHandle.of(pid(root.resolve("run/web.pid"))).orElseThrow().descendants()).contains(app);
        assertThat(web.startedAt()).isBetween(before, java.time.Instant.now().plusSeconds(5));
    }

    @Test
    void logsGiveTheLastLinesOfEachProcessPrefixedWithItsName() throws Exception {
        Stack stack = Stack.standard();
        Path logs = Path.of(target.root()).resolve("logs");
        stack.deploy(transport, slug(null), target, log::add);
        Files.writeString(logs.resolve("web.log"), "web one\nweb two\nweb three\n", StandardOpenOption.APPEND);
        List<String> lines = new ArrayList<>();

        stack.logs(transport, target, List.of("web"), 2, false, (process, line) -> lines.add(process + "|" + line));

        assertThat(lines).containsExactly("web|web two", "web|web three");
    }

    @Test
    void followedLogsGiveLinesWrittenAfterTheStartUntilTheThreadIsInterrupted() throws Exception {
        Stack stack = Stack.standard();
        Path logs = Path.of(target.root()).resolve("logs");
        stack.deploy(transport, slug(null), target, log::add);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread follower = new Thread(() -> {
            try {
                stack.logs(transport, target, List.of(), 0, true, (process, line) -> lines.add(process + "|" + line));
            } catch (RuntimeException interrupted) {
                // the transport reports the interruption: the follow ends
            }
        });
        follower.start();

        for (int i = 0; i < 300 && !lines.contains("worker|after the start"); i++) {
            Files.writeString(logs.resolve("worker.log"), i == 0 ? "" : "after the start\n", StandardOpenOption.APPEND);
            Thread.sleep(100);
        }
        follower.interrupt();
        follower.join(Duration.ofSeconds(30).toMillis());

        assertThat(lines).contains("worker|after the start");
        assertThat(follower.isAlive()).isFalse();
        // the killed tails leave the process table a moment after the follow ends
        java.util.function.Supplier<List<ProcessHandle>> tails = () -> ProcessHandle.current().descendants()
                .filter(p -> Processes.running(p) && p.info().commandLine().orElse("").contains("tail")).toList();
        for (int i = 0; i < 300 && !tails.get().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(tails.get()).as("no tail outlives the follow").isEmpty();
    }

    /** Polls until every inspected process (all started ones when none are named) satisfies {@code done}. */
    private List<ProcessStatus> awaitStatus(Stack stack, java.util.function.Predicate<ProcessStatus> done, String... names)
            throws InterruptedException {
        List<ProcessStatus> statuses = List.of();
        for (int i = 0; i < 300; i++) {
            statuses = stack.inspect(transport, target, List.of(names));
            if (!statuses.isEmpty() && statuses.stream().allMatch(done)) {
                return statuses;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("processes never got there: " + statuses);
    }

    /** Live processes carrying this node's marker in their environment. */
    private List<Long> markedProcesses() {
        String marker = DirectProcessManager.MARKER + "=" + target.root() + ":";
        return ProcessHandle.allProcesses().filter(p -> Processes.running(p.pid())).map(ProcessHandle::pid).filter(pid -> {
            try {
                return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ"))).contains(marker);
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }

    private static long pid(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }

    /** The process group of a running process, from {@code /proc/<pid>/stat} (fields after "pid (comm) ": state ppid pgrp). */
    private static long processGroup(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(") ") + 2).split(" ")[2]);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
    }

    /** Polls the node's port until its answer contains {@code expected}; returns the last answer. */
    private String awaitBody(String expected) throws InterruptedException {
        String last = "";
        for (int i = 0; i < 150; i++) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.body();
                if (last.contains(expected)) {
                    return last;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        assertThat(last).as("answer of 127.0.0.1:%d", target.port()).contains(expected);
        return last;
    }
}
