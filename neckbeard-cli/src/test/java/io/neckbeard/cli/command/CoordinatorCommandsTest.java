package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.core.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinatorCommandsTest {
    @TempDir
    Path dir;
    private Path project;
    private LocalYamlBackend backend;

    @BeforeEach
    void copyProject() {
        project = CliRun.project("coordinated", dir);
        backend = new LocalYamlBackend(project.resolve(".neckbeard/state"));
    }

    @Test
    void statusOfAFreshEnvironmentPrintsTheFixedJsonShape() throws IOException {
        CliRun run = CliRun.run(project, "status", "production", "-o", "json");

        assertThat(run.exit()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("environment").asText()).isEqualTo("production");
        assertThat(json.get("lock").isNull()).isTrue();
        assertThat(json.get("generations").isArray()).isTrue();
    }

    @Test
    void statusShowsAdoptedNodesAndTheLockHolder() throws IOException {
        assertThat(CliRun.run(project, "node", "adopt", "production", "app-2", "i-0beef").exit()).isZero();
        backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(5));

        CliRun json = CliRun.run(project, "view", "production", "-o", "json");
        CliRun text = CliRun.run(project, "status", "production");

        JsonNode generation = Json.mapper().readTree(json.out()).get("generations").get(0);
        assertThat(generation.get("id").asLong()).isEqualTo(1);
        assertThat(generation.get("state").asText()).isEqualTo("active");
        JsonNode node = generation.get("nodes").get(0);
        assertThat(fieldNames(node)).containsExactly("name", "type", "az", "resource_id", "address", "healthy", "operational");
        assertThat(node.get("resource_id").asText()).isEqualTo("i-0beef");
        assertThat(node.get("az").asText()).isEqualTo("us-east-1b");
        assertThat(node.get("healthy").isNull()).isTrue();
        assertThat(fieldNames(Json.mapper().readTree(json.out()).get("lock"))).containsExactly("holder", "acquired_at", "command");
        assertThat(text.out()).contains("locked by bob@desk").contains("generation 1  active")
                .containsPattern("app-2\\s+app\\s+us-east-1b\\s+i-0beef\\s+-\\s+unknown\\s+no");
    }

    @Test
    void statusOfAnEnvironmentTheConfigDoesNotKnowExitsTwo() {
        CliRun run = CliRun.run(project, "status", "staging");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("staging");
    }

    @Test
    void scaleRecordsTheCountAndSaysUpDoesTheWork() {
        CliRun run = CliRun.run(project, "scale", "production", "app=6");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("app = 6");
        assertThat(run.err()).contains("neckbeard up production");
        assertThat(backend.read("production").scale()).containsEntry("app", 6);
    }

    @Test
    void scaleUnderTheHaTargetExitsFourNamingTheAz() {
        CliRun run = CliRun.run(project, "scale", "production", "app=3");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).contains("us-east-1b").contains("min_per_az 2");
        assertThat(backend.read("production").version()).isZero();
    }

    @Test
    void scaleOfAnUnknownTypeExitsTwo() {
        assertThat(CliRun.run(project, "scale", "production", "worker=2").exit()).isEqualTo(2);
    }

    @Test
    void varsSetListUnsetAndHistoryMasksTheValues() throws IOException {
        assertThat(CliRun.run(project, "vars", "production", "set", "DATABASE_URL=postgres://secret", "LOG_LEVEL=info").exit())
                .isZero();

        assertThat(CliRun.run(project, "vars", "production").out()).isEqualTo("DATABASE_URL\nLOG_LEVEL\n");
        assertThat(CliRun.run(project, "vars", "production", "--show-values").out())
                .contains("DATABASE_URL=postgres://secret");
        assertThat(CliRun.run(project, "vars", "production", "unset", "LOG_LEVEL").exit()).isZero();
        JsonNode vars = Json.mapper().readTree(CliRun.run(project, "vars", "production", "-o", "json").out());
        assertThat(vars.get("names").toString()).isEqualTo("[\"DATABASE_URL\"]");
        assertThat(vars.get("values").isNull()).isTrue();

        CliRun history = CliRun.run(project, "history", "production", "-o", "json");
        JsonNode entries = Json.mapper().readTree(history.out()).get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("command").asText()).isEqualTo("vars unset");
        assertThat(entries.get(1).get("arguments").toString()).contains("DATABASE_URL=***").doesNotContain("secret");
        assertThat(Files.readString(project.resolve(".neckbeard/state/production/audit.log"))).doesNotContain("secret");
    }

    @Test
    void varsWithABadNameExitsTwo() {
        CliRun run = CliRun.run(project, "vars", "production", "set", "bad-name=1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'bad-name' is not a valid config var name");
    }

    @Test
    void historyHonoursTheLimitNewestFirst() {
        CliRun.run(project, "scale", "production", "app=4");
        CliRun.run(project, "scale", "production", "app=6");

        CliRun run = CliRun.run(project, "history", "production", "--limit", "1");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("scale production app=6").doesNotContain("app=4");
    }

    @Test
    void aMutatingCommandExitsThreeWhileAnotherHolderHasTheLock() {
        LockInfo held = backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(5));

        CliRun run = CliRun.run(project, "vars", "production", "set", "A=1");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("bob@desk").contains("since " + held.acquiredAt());
    }

    @Test
    void lockStatusAndReleaseWithAndWithoutForce() throws IOException {
        backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(5));

        assertThat(CliRun.run(project, "lock", "status", "production").out()).contains("locked by bob@desk");
        assertThat(CliRun.run(project, "lock", "release", "production").exit()).isEqualTo(3);
        CliRun forced = CliRun.run(project, "lock", "release", "production", "--force", "-o", "json");

        assertThat(forced.exit()).isZero();
        assertThat(Json.mapper().readTree(forced.out()).get("released").get("holder").asText()).isEqualTo("bob@desk");
        assertThat(backend.lock("production")).isEmpty();
        assertThat(backend.audit("production", 1).get(0).command()).isEqualTo("lock release --force");
        assertThat(CliRun.run(project, "lock", "status", "production", "-o", "json").out()).contains("\"lock\" : null");
    }

    @Test
    void nodeForgetRemovesTheRecordAndAnUnknownNodeExitsTwo() {
        CliRun.run(project, "node", "adopt", "production", "app-1", "i-1");

        assertThat(CliRun.run(project, "node", "forget", "production", "app-1").out()).contains("i-1 was not touched");
        assertThat(CliRun.run(project, "node", "forget", "production", "app-1").exit()).isEqualTo(2);
        assertThat(CliRun.run(project, "node", "adopt", "production", "app-99", "i-2").exit()).isEqualTo(2);
    }

    @Test
    void aDamagedStateFileExitsTwoNamingFileAndLineAndIsLeftAlone() throws IOException {
        Path state = project.resolve(".neckbeard/state/production/state.yml");
        Files.createDirectories(state.getParent());
        String damaged = "version: 3\nenvironment: production\ngenerations:\n- id: 1\n  state: [active\n";
        Files.writeString(state, damaged);

        CliRun status = CliRun.run(project, "status", "production");
        CliRun scale = CliRun.run(project, "scale", "production", "app=4");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains(state + ":").contains("not valid YAML");
        assertThat(scale.exit()).isEqualTo(2);
        assertThat(Files.readString(state)).isEqualTo(damaged);
        assertThat(backend.lock("production")).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
