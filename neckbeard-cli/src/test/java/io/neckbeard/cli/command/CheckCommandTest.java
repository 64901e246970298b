package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.config.testing.InvalidFixtures;
import io.neckbeard.config.testing.InvalidFixtures.Fixture;
import io.neckbeard.core.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    @TempDir
    static Path temp;
    static ConfigCliRunner cli;
    static List<Fixture> fixtures;

    @BeforeAll
    static void setUp() throws Exception {
        cli = new ConfigCliRunner(temp);
        fixtures = InvalidFixtures.copyTo(Files.createDirectories(temp.resolve("invalid")));
    }

    static List<Fixture> fixtures() {
        return fixtures;
    }

    @Test
    void quickstartExamplePasses() {
        ConfigCliRunner.Result result = cli.run("-C", ConfigCliRunner.example("quickstart").toString(), "check");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("ok: 2 environments, 4 nodes checked" + System.lineSeparator());
        assertThat(result.code()).isZero();
    }

    @Test
    void awsWebExamplePassesWithTheRealEc2AndRdsValidators() {
        ConfigCliRunner.Result result = cli.run("-C", ConfigCliRunner.example("aws-web").toString(), "check", "production");

        assertThat(result.out()).isEqualTo("ok: 1 environment, 5 nodes checked" + System.lineSeparator());
        assertThat(result.code()).isZero();
    }

    @Test
    void jsonSummaryListsTheEnvironmentsAndNodeCount() throws Exception {
        ConfigCliRunner.Result result = cli.run("-C", ConfigCliRunner.example("aws-web").toString(), "check", "-o", "json");

        JsonNode json = Json.mapper().readTree(result.out());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("environments")).extracting(JsonNode::asText).containsExactly("production", "staging");
        assertThat(json.get("nodes").asInt()).isEqualTo(8);
        assertThat(result.code()).isZero();
    }

    @Test
    void unknownEnvironmentExitsTwoWithASuggestion() {
        ConfigCliRunner.Result result = cli.run("-C", ConfigCliRunner.example("aws-web").toString(), "check", "prod");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("unknown environment 'prod'").contains("did you mean 'production'?");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingConfigurationExitsTwoAndPointsAtInit() {
        ConfigCliRunner.Result result = cli.run("-C", temp.toString(), "check");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no neckbeard/config.yml").contains("neckbeard init");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void invalidConfigurationExitsTwoWithFileLineAndNoStackTrace(Fixture fixture) {
        ConfigCliRunner.Result result = cli.run("-C", fixture.root().toString(), "check");

        assertThat(result.code()).isEqualTo(2);
        String location = fixture.file() + ":" + (fixture.line() > 0 ? fixture.line() + ":" : "");
        assertThat(result.err().replace('\\', '/')).contains(location).contains(fixture.message());
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void jsonErrorListsEveryProblemOnStdout() throws Exception {
        Fixture fixture = fixtures.stream().filter(f -> f.name().equals("missing-size")).findFirst().orElseThrow();

        ConfigCliRunner.Result result = cli.run("-C", fixture.root().toString(), "-o", "json", "check");

        JsonNode problem = Json.mapper().readTree(result.out()).get("error").get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(fixture.line());
        assertThat(problem.get("key").asText()).isEqualTo("node_types.app.size");
        assertThat(problem.get("fix").asText()).contains("did you mean 'small'?");
        assertThat(result.code()).isEqualTo(2);
    }
}
