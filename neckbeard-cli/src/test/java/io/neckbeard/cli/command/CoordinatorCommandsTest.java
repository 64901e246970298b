package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.testing.moto.SdkOnMoto;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinatorCommandsTest {
    @TempDir
    Path dir;
    private Path project;
    private Cli cli;
    private LocalYamlBackend backend;

    @BeforeEach
    void copyProject() throws IOException {
        project = Fixtures.copy("projects/coordinated", dir.resolve("project"));
        cli = Cli.with("-C", project.toString());
        backend = new LocalYamlBackend(project.resolve(".neckbeard/state"));
    }

    @Test
    void statusOfAFreshEnvironmentPrintsTheFixedJsonShape() {
        Cli.Run run = cli.run("status", "production", "-o", "json");

        assertThat(run.exit()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("environment").asText()).isEqualTo("production");
        assertThat(json.get("lock").isNull()).isTrue();
        assertThat(json.get("generations").isArray()).isTrue();
    }

    /** node adopt asks the ec2 provider for the resource's tags: moto answers (an unknown id is gone and untagged). */
    private static void awsOnMoto(MotoServer moto) {
        SdkOnMoto.use(moto);
    }

    @AfterEach
    void clearAwsSettings() {
        SdkOnMoto.clear();
    }

    @Test
    @ExtendWith(MotoExtension.class)
    void statusShowsAdoptedNodesAndTheLockHolder(MotoServer moto) {
        awsOnMoto(moto);
        assertThat(cli.run("node", "adopt", "production", "app-2", "i-0beef").exit()).isZero();
        backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(5));

        JsonNode json = cli.run("view", "production", "--cached", "-o", "json").json();
        Cli.Run text = cli.run("status", "production", "--cached");

        JsonNode generation = json.get("generations").get(0);
        assertThat(generation.get("id").asLong()).isEqualTo(1);
        assertThat(generation.get("state").asText()).isEqualTo("active");
        JsonNode node = generation.get("nodes").get(0);
        assertThat(node.fieldNames()).toIterable()
                .containsExactly("name", "type", "az", "resource_id", "address", "port", "url", "healthy", "operational",
                        "checked_at", "health_detail");
        assertThat(node.get("resource_id").asText()).isEqualTo("i-0beef");
        assertThat(node.get("az").asText()).isEqualTo("us-east-1b");
        assertThat(node.get("healthy").isNull()).isTrue();
        assertThat(json.get("lock").fieldNames()).toIterable().containsExactly("holder", "acquired_at", "command");
        assertThat(text.out()).contains("locked by bob@desk").contains("generation 1  active")
                .containsPattern("app-2\\s+app\\s+us-east-1b\\s+i-0beef\\s+-\\s+-\\s+unknown\\s+no");
    }

    @Test
    void statusOfAnEnvironmentTheConfigDoesNotKnowExitsTwo() {
        Cli.Run run = cli.run("status", "staging");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("staging");
    }

    @Test
    void scaleRecordsTheCountAndSaysUpDoesTheWork() {
        Cli.Run run = cli.run("scale", "production", "app=6");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("app = 6");
        assertThat(run.err()).contains("neckbeard up production");
        assertThat(backend.read("production").scale()).containsEntry("app", 6);
    }

    @Test
    void scaleWithoutCountsShowsEachTypesCountAndWhereItComesFrom() {
        Cli.Run fromConfig = cli.run("scale", "production");
        cli.run("scale", "production", "app=6");
        Cli.Run scaled = cli.run("scale", "production", "-o", "json");

        assertThat(fromConfig.exit()).as(fromConfig.err()).isZero();
        assertThat(fromConfig.out()).containsPattern("(?m)^TYPE +COUNT +SOURCE$").containsPattern("(?m)^app +4 +config$");
        assertThat(scaled.json().at("/types/0/type").asText()).isEqualTo("app");
        assertThat(scaled.json().at("/types/0/count").asInt()).isEqualTo(6);
        assertThat(scaled.json().at("/types/0/source").asText()).isEqualTo("coordinator");
        assertThat(backend.read("production").version()).as("showing writes nothing").isEqualTo(1);
    }

    @Test
    void scaleUnderTheHaTargetExitsFourNamingTheAz() {
        Cli.Run run = cli.run("scale", "production", "app=3");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).contains("us-east-1b").contains("min_per_az 2");
        assertThat(backend.read("production").version()).isZero();
        assertThat(backend.audit("production", 5)).singleElement()
                .satisfies(entry -> assertThat(entry.result()).isEqualTo("refused"));
    }

    @Test
    void scaleOfAnUnknownTypeExitsTwo() {
        assertThat(cli.run("scale", "production", "worker=2").exit()).isEqualTo(2);
    }

    @Test
    void varsSetListUnsetAndHistoryMasksTheValues() throws IOException {
        assertThat(cli.run("vars", "production", "set", "DATABASE_URL=postgres://secret", "LOG_LEVEL=info").exit())
                .isZero();

        assertThat(cli.run("vars", "production").out()).isEqualTo("DATABASE_URL\nLOG_LEVEL\n");
        assertThat(cli.run("vars", "production", "--show-values").out())
                .contains("DATABASE_URL=postgres://secret");
        assertThat(cli.run("vars", "production", "unset", "LOG_LEVEL").exit()).isZero();
        JsonNode vars = cli.run("vars", "production", "-o", "json").json();
        assertThat(vars.get("names").toString()).isEqualTo("[\"DATABASE_URL\"]");
        assertThat(vars.get("values").isNull()).isTrue();

        Cli.Run history = cli.run("history", "production", "-o", "json");
        JsonNode entries = history.json().get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("command").asText()).isEqualTo("vars unset");
        assertThat(entries.get(1).get("arguments").toString()).contains("DATABASE_URL=***").doesNotContain("secret");
        assertThat(Files.readString(project.resolve(".neckbeard/state/production/audit.log"))).doesNotContain("secret");
    }

    @Test
    void varsSetPrintsOneLineOfNamesAndGetPrintsTheValueOnly() {
        Cli.Run set = cli.run("vars", "production", "set", "DATABASE_URL=postgres://secret", "LOG_LEVEL=info");

        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("production: set DATABASE_URL, LOG_LEVEL\n");
        assertThat(set.err()).doesNotContain("secret");
        assertThat(cli.run("vars", "production", "get", "DATABASE_URL").out()).isEqualTo("postgres://secret\n");
        assertThat(cli.run("vars", "production", "get", "LOG_LEVEL", "-o", "json").json().get("value").asText())
                .isEqualTo("info");
        assertThat(cli.run("vars", "production", "unset", "LOG_LEVEL").out()).isEqualTo("production: unset LOG_LEVEL\n");
        Cli.Run missing = cli.run("vars", "production", "get", "LOG_LEVEL");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("production has no config var LOG_LEVEL").contains("its vars are: DATABASE_URL");
    }

    @Test
    void varsHelpShowsEveryFormInItsUsageLine() {
        Cli.Run help = cli.run("vars", "--help");

        assertThat(help.out().replaceAll("\\s+", " ")).contains("ENV [set K=V... | unset K... | get K]")
                .doesNotContain("K......");
    }

    @Test
    void varsWithABadNameExitsTwo() {
        Cli.Run run = cli.run("vars", "production", "set", "bad-name=1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'bad-name' is not a valid config var name");
    }

    @Test
    void varsSetPastTheSizeCapExitsTwoAndLeavesTheStateAsItWas() throws IOException {
        assertThat(cli.run("vars", "production", "set", "SMALL=1").exit()).isZero();
        Path state = project.resolve(".neckbeard/state/production/state.yml");
        String before = Files.readString(state);

        Cli.Run run = cli.run("vars", "production", "set", "BIG=" + "x".repeat(110 * 1024));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("a config var may have at most 65536");
        assertThat(Files.readString(state)).isEqualTo(before);
    }

    @Test
    void historyHonoursTheLimitNewestFirst() {
        cli.run("scale", "production", "app=4");
        cli.run("scale", "production", "app=6");

        Cli.Run run = cli.run("history", "production", "--limit", "1");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("scale production app=6").doesNotContain("app=4");
    }

    @Test
    void aMutatingCommandExitsThreeWhileAnotherHolderHasTheLock() {
        LockInfo held = backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(5));

        Cli.Run run = cli.run("vars", "production", "set", "A=1");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("bob@desk").contains("since " + held.acquiredAt());
        assertThat(backend.audit("production", 5)).singleElement().satisfies(entry -> {
            assertThat(entry.command()).isEqualTo("vars set");
            assertThat(entry.result()).isEqualTo("locked");
            assertThat(entry.arguments()).contains("A=***");
        });
    }

    @Test
    void lockStatusAndReleaseWithAndWithoutForce() {
        backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(5));

        assertThat(cli.run("lock", "status", "production").out()).contains("locked by bob@desk");
        assertThat(cli.run("lock", "release", "production").exit()).isEqualTo(3);
        Cli.Run forced = cli.run("lock", "release", "production", "--force", "-o", "json");

        assertThat(forced.exit()).isZero();
        assertThat(forced.json().get("released").get("holder").asText()).isEqualTo("bob@desk");
        assertThat(backend.lock("production")).isEmpty();
        assertThat(backend.audit("production", 1).get(0).command()).isEqualTo("lock release --force");
        assertThat(cli.run("lock", "status", "production", "-o", "json").out()).contains("\"lock\" : null");
    }

    @Test
    @ExtendWith(MotoExtension.class)
    void nodeForgetRemovesTheRecordAndAnUnknownNodeExitsTwo(MotoServer moto) {
        awsOnMoto(moto);
        cli.run("node", "adopt", "production", "app-1", "i-1");

        assertThat(cli.run("node", "forget", "production", "app-1").out()).contains("i-1 was not touched");
        assertThat(cli.run("node", "forget", "production", "app-1").exit()).isEqualTo(2);
        assertThat(cli.run("node", "adopt", "production", "app-99", "i-2").exit()).isEqualTo(2);
    }

    @Test
    void aDamagedStateFileExitsTwoNamingFileAndLineAndIsLeftAlone() throws IOException {
        Path state = project.resolve(".neckbeard/state/production/state.yml");
        Files.createDirectories(state.getParent());
        String damaged = "version: 3\nenvironment: production\ngenerations:\n- id: 1\n  state: [active\n";
        Files.writeString(state, damaged);

        Cli.Run status = cli.run("status", "production");
        Cli.Run scale = cli.run("scale", "production", "app=4");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains(state + ":").contains("not valid YAML");
        assertThat(scale.exit()).isEqualTo(2);
        assertThat(Files.readString(state)).isEqualTo(damaged);
        assertThat(backend.lock("production")).isEmpty();
    }

    @Test
    void aStateWithADuplicateKeyExitsTwoNamingTheLineAndIsLeftAlone() throws IOException {
        Path state = writeState("version: 3\nenvironment: production\nvars:\n  A: \"1\"\nversion: 9\ngenerations: []\n");

        Cli.Run set = cli.run("vars", "production", "set", "B=2");

        assertThat(set.exit()).isEqualTo(2);
        assertThat(set.err()).contains(state + ":5: duplicate key 'version' (first at line 1)");
        assertThat(Files.readString(state)).isEqualTo("version: 3\nenvironment: production\nvars:\n  A: \"1\"\nversion: 9\n"
                + "generations: []\n");
    }

    @Test
    void aStateFileThatIsNotUtf8ExitsTwoNamingTheFileAsDamaged() throws IOException {
        Path state = writeState("version: 1\nenvironment: production\ngenerations: []\n");
        Files.write(state, new byte[] {'v', 'e', 'r', (byte) 0xff}, java.nio.file.StandardOpenOption.APPEND);

        Cli.Run status = cli.run("status", "production");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains(state + ":4: not UTF-8 text").doesNotContain("writable");
    }

    @Test
    void aNegativeVersionIsDamageForStatusAndVarsSetAlike() throws IOException {
        Path state = writeState("version: -1\nenvironment: production\ngenerations: []\n");

        Cli.Run status = cli.run("status", "production");
        Cli.Run set = cli.run("vars", "production", "set", "A=1");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains(state + ":1: 'version' must be from 0 to");
        assertThat(set.exit()).isEqualTo(2);
        assertThat(Files.readString(state)).startsWith("version: -1\n");
    }

    @Test
    void anEnvironmentWhoseStateIsALinkToAnotherOnesExitsTwoAndWritesNothing() throws IOException {
        assertThat(cli.run("vars", "production", "set", "WHERE=prod").exit()).isZero();
        Path prod = project.resolve(".neckbeard/state/production/state.yml");
        String before = Files.readString(prod);
        Path qa = project.resolve(".neckbeard/state/qa/state.yml");
        Files.createDirectories(qa.getParent());
        Files.createSymbolicLink(qa, prod);

        Cli.Run set = cli.run("vars", "qa", "set", "WHERE=qa");
        Cli.Run status = cli.run("status", "qa");

        assertThat(set.exit()).isEqualTo(2);
        assertThat(set.err()).contains(qa + ":2: this file holds the state of 'production', not of 'qa'");
        assertThat(status.exit()).isEqualTo(2);
        assertThat(Files.readString(prod)).isEqualTo(before);
        assertThat(Files.isSymbolicLink(qa)).isTrue();
    }

    @Test
    void historySkipsATornAuditLineAndTheNextEntryIsIntact() throws IOException {
        cli.run("scale", "production", "app=4");
        Path trail = project.resolve(".neckbeard/state/production/audit.log");
        Files.writeString(trail, "{\"at\":\"2024-05-0", java.nio.file.StandardOpenOption.APPEND);
        cli.run("scale", "production", "app=6");

        Cli.Run history = cli.run("history", "production");

        assertThat(history.exit()).isZero();
        assertThat(history.out()).contains("app=6").contains("app=4");
    }

    @Test
    void aForcedReleaseRemovesALockFileThatDoesNotParseAndIsAudited() throws IOException {
        Path lock = project.resolve(".neckbeard/state/production/lock.yml");
        Files.createDirectories(lock.getParent());
        Files.writeString(lock, "holder: [bob\n");

        Cli.Run plain = cli.run("lock", "release", "production");
        Cli.Run forced = cli.run("lock", "release", "production", "--force", "-o", "json");

        assertThat(plain.exit()).isEqualTo(2);
        assertThat(forced.exit()).isZero();
        assertThat(forced.json().get("damaged").asText()).contains(lock + ":");
        assertThat(lock).doesNotExist();
        assertThat(backend.audit("production", 1)).singleElement().satisfies(entry -> {
            assertThat(entry.command()).isEqualTo("lock release --force");
            assertThat(entry.arguments().toString()).contains("removed a lock record that could not be read");
        });
        assertThat(cli.run("vars", "production", "set", "A=1").exit()).isZero();
    }

    private Path writeState(String text) throws IOException {
        Path state = project.resolve(".neckbeard/state/production/state.yml");
        Files.createDirectories(state.getParent());
        Files.writeString(state, text);
        return state;
    }
}
