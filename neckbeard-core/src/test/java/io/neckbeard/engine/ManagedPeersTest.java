package io.neckbeard.engine;

import io.neckbeard.config.ConfigException;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.config.ShowService;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A managed node (the {@code stand-in-db} provider) is launched, checked through its provider and
 * recorded with its endpoint, never logged into; the web node of the same generation finds it
 * through {@code ${peers.db...}} and its env file, and is launched after it.
 */
class ManagedPeersTest {
    @RegisterExtension
    final EngineFixture fixture = new EngineFixture();

    @Test
    void theWebProcessSeesTheDatabaseOfItsGenerationInItsEnvironment() throws Exception {
        fixture.useConfig("peers/web-with-db.yml");
        try (DeployContext context = fixture.open()) {
            DeployResult result = new UpService(context, EngineFixture.SILENT).up(false, null, List.of());

            assertThat(result.result()).isEqualTo("ok");
            NodeRecord db = record(context, "db-1");
            assertThat(db.address()).isEqualTo("127.0.0.1");
            assertThat(db.port()).isEqualTo(StandInDatabaseProviderFactory.port(1));
            assertThat(db.attributes()).containsEntry("db_name", "app");
            assertThat(db.provisionedSlug()).isNull();
            assertThat(db.lastHealth().healthy()).isTrue();
            NodeRecord web = record(context, "web-1");
            List<String> environment = processEnvironment(Path.of(web.attributes().get("dir")).resolve("stack/run/web.pid"));
            assertThat(environment).contains("DATABASE_URL=postgres://app@127.0.0.1:5431/app",
                    "NECKBEARD_PEER_DB_ADDRESS=127.0.0.1", "NECKBEARD_PEER_DB_PORT=5431",
                    "NECKBEARD_PEER_DB_1_ADDRESS=127.0.0.1");
            // the stand-in fails on any transport: reaching here means the db was never logged into

            assertThat(new UpService(context, EngineFixture.SILENT).plan(false, null).nodes())
                    .allSatisfy(node -> assertThat(node.actions()).containsExactly(Action.NOTHING));
        }
    }

    @Test
    void aPendingGenerationsWebNodeUsesThePendingDatabaseAndThePromotedDatabaseJoinsNoLoadBalancer() throws Exception {
        fixture.useConfig("peers/web-with-db.yml");
        try (DeployContext context = fixture.open()) {
            new UpService(context, EngineFixture.SILENT).up(false, null, List.of());
            assertThat(new UpService(context, EngineFixture.SILENT).up(true, null, List.of()).result()).isEqualTo("ok");

            Path web2 = Path.of(record(context, 2, "web-1").attributes().get("dir"));
            assertThat(processEnvironment(web2.resolve("stack/run/web.pid")))
                    .contains("DATABASE_URL=postgres://app@127.0.0.1:5432/app", "NECKBEARD_PEER_DB_PORT=5432");

            assertThat(new PromoteService(context, EngineFixture.SILENT).promote(List.of()).result()).isEqualTo("ok");
            assertThat(record(context, 2, "db-1").operational()).isFalse();
            assertThat(record(context, 2, "web-1").operational()).isTrue();
        }
    }

    @Test
    void planLaunchesAndChecksTheDatabaseBeforeTheWebNodeThatRefersToIt() throws IOException {
        fixture.useConfig("peers/web-with-db.yml");
        try (DeployContext context = fixture.open()) {
            Plan plan = new UpService(context, EngineFixture.SILENT).plan(false, 1);

            List<NodePlan> ordered = plan.waves().stream().flatMap(List::stream).toList();
            assertThat(ordered).extracting(NodePlan::name).containsExactly("db-1", "web-1");
            assertThat(ordered.get(0).actions()).containsExactly(Action.LAUNCH, Action.CHECK);
            assertThat(ordered.get(1).actions()).containsExactly(Action.LAUNCH, Action.PROVISION, Action.REGISTER);
        }
    }

    @Test
    void runRefusesAManagedNodeAndSkipsItAmongOthers() throws IOException {
        fixture.useConfig("peers/web-with-db.yml");
        try (DeployContext context = fixture.open()) {
            new UpService(context, EngineFixture.SILENT).up(false, null, List.of());
            RunService run = new RunService(context, Clock.systemUTC());

            assertThatThrownBy(() -> run.run("db-1", null, "true", null, Duration.ofSeconds(20), (node, line) -> { }, List.of()))
                    .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).contains("db-1").contains("managed stand-in-db resource");
                    });
            assertThatThrownBy(() -> new NodeLoginService(context).sshCommand("db-1", List.of()))
                    .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
            List<String> lines = new ArrayList<>();
            List<RunOutcome> outcomes = run.run(null, null, "echo hi", null, Duration.ofSeconds(20),
                    (node, line) -> lines.add(node + ": " + line), List.of());
            assertThat(outcomes).extracting(RunOutcome::node).containsExactly("web-1");
            assertThat(lines).contains("db-1: skipped: a managed stand-in-db resource runs no commands", "web-1: hi");
        }
    }

    @Test
    void aCommandHealthCheckOnAManagedNodeIsRefusedBeforeAnythingIsLaunched() throws IOException {
        fixture.useConfig("peers/command-check-on-db.yml");
        try (DeployContext context = fixture.open()) {
            assertThatThrownBy(() -> new UpService(context, EngineFixture.SILENT).plan(false, null))
                    .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).contains("node type db runs on managed resource stand-in-db")
                                .contains("config.yml:17");
                    });
            assertThat(fixture.root().resolve(".stand-in-db")).doesNotExist();
        }
    }

    @Test
    void aReferenceToAnUnknownTypeOrIndexIsAConfigurationProblemAtItsLine() throws IOException {
        fixture.useConfig("peers/unknown-type.yml");
        assertThatThrownBy(fixture::open).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.line()).isEqualTo(14);
                assertThat(problem.message()).contains("unknown node type 'cache'").contains("db, web");
            });
        });
        fixture.useConfig("peers/unknown-index.yml");
        assertThatThrownBy(fixture::open).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(14);
                    assertThat(problem.message()).contains("no node db-2");
                }));
    }

    @Test
    void typesThatReferToEachOtherAreACycleRefusedAtCheck() throws IOException {
        fixture.useConfig("peers/cycle.yml");
        assertThatThrownBy(fixture::open).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.problems()).singleElement().satisfies(problem ->
                    assertThat(problem.message()).contains("cycle (db -> web -> db)"));
        });
    }

    @Test
    void showPrintsPeerReferencesUnresolved() throws IOException {
        fixture.useConfig("peers/web-with-db.yml");
        ShowService.ShowResult shown = new ShowService(new ConfigLoader(fixture.plugins()))
                .show(fixture.root(), "dev", null, false);

        assertThat(shown.nodes()).filteredOn(node -> node.name().equals("web-1")).singleElement()
                .satisfies(web -> assertThat(web.params()).containsEntry("app_env",
                        Map.of("DATABASE_URL", "postgres://app@<peers.db.address>:<peers.db.port>/<peers.db.1.db_name>")));
    }

    private static NodeRecord record(DeployContext context, String name) {
        return record(context, context.coordinator().read("dev").active().orElseThrow().id(), name);
    }

    private static NodeRecord record(DeployContext context, long generation, String name) {
        return context.coordinator().read("dev").generation(generation).orElseThrow().nodes().stream()
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The environment of the app's process, as the kernel has it: the process started under the
     * supervisor whose pid is in {@code pidFile} (the supervisor itself runs with a clean environment).
     */
    /**
     * The environment of web-1's app process under its supervisor. Polled: right after the deploy
     * the supervisor's child may still be a shell about to exec, or gone between listing and reading.
     */
    private static List<String> processEnvironment(Path pidFile) throws IOException, InterruptedException {
        long supervisor = Long.parseLong(Files.readString(pidFile).trim());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ProcessHandle process : ProcessHandle.of(supervisor).orElseThrow().descendants().toList()) {
                try {
                    List<String> environment = Arrays.asList(new String(Files.readAllBytes(Path.of("/proc",
                            Long.toString(process.pid()), "environ")), StandardCharsets.UTF_8).split("\0"));
                    if (environment.contains("NECKBEARD_NODE=web-1")) {
                        return environment;
                    }
                } catch (IOException processEnded) {
                    // looked at a process that has just exited: look again
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no process of web-1 under its supervisor " + supervisor);
    }
}
