package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.Examples;
import io.neckbeard.config.testing.InvalidFixtures;
import io.neckbeard.config.testing.InvalidFixtures.Fixture;
import io.neckbeard.core.FileTrees;
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
    static Cli cli;
    static List<Fixture> fixtures;

    @BeforeAll
    static void setUp() throws Exception {
        cli = Cli.withStandInPlugins(temp); // the invalid fixtures name the stand-in type testcloud
        fixtures = InvalidFixtures.copyTo(Files.createDirectories(temp.resolve("invalid")));
    }

    static List<Fixture> fixtures() {
        return fixtures;
    }

    @Test
    void quickstartExamplePasses() {
        Cli.Run result = cli.run("-C", Examples.project("quickstart").toString(), "check");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("ok: 2 environments, 4 nodes checked" + System.lineSeparator());
        assertThat(result.exit()).isZero();
    }

    /** The project the chef-solo GitHub workflow deploys: a broken one would only show there. */
    @Test
    void chefSoloExamplePasses() {
        Cli.Run result = cli.run("-C", Examples.project("chef-solo").toString(), "check");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("ok: 1 environment, 1 node checked" + System.lineSeparator());
        assertThat(result.exit()).isZero();
    }

    @Test
    void awsWebExamplePassesWithTheRealEc2AndRdsValidators() {
        Cli.Run result = cli.run("-C", Examples.project("aws-web").toString(), "check", "production");

        assertThat(result.out()).isEqualTo("ok: 1 environment, 5 nodes checked" + System.lineSeparator());
        assertThat(result.exit()).isZero();
    }

    @Test
    void jsonSummaryListsTheEnvironmentsAndNodeCount() {
        Cli.Run result = cli.run("-C", Examples.project("aws-web").toString(), "check", "-o", "json");

        JsonNode json = result.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("environments")).extracting(JsonNode::asText).containsExactly("production", "staging");
        assertThat(json.get("nodes").asInt()).isEqualTo(8);
        assertThat(result.exit()).isZero();
    }

    @Test
    void unknownEnvironmentExitsTwoWithASuggestion() {
        Cli.Run result = cli.run("-C", Examples.project("aws-web").toString(), "check", "prod");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unknown environment 'prod'").contains("did you mean 'production'?");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingConfigurationExitsTwoAndPointsAtInit() {
        Cli.Run result = cli.run("-C", temp.toString(), "check");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("no neckbeard/config.yml").contains("neckbeard init");
    }

    @Test
    void aSlugWithoutAProcfileExitsTwoAtThePackagerSetting() throws Exception {
        Path project = Files.createDirectories(temp.resolve("no-procfile"));
        FileTrees.copyTree(Examples.project("quickstart").resolve("neckbeard"), project.resolve("neckbeard"));

        Cli.Run missing = cli.run("-C", project.toString(), "check");
        Files.writeString(project.resolve("Procfile"), "web: python3 app/server.py\n");
        Cli.Run present = cli.run("-C", project.toString(), "check");
        Path config = project.resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config).replace("include: [app/, Procfile]", "exclude: [Proc*]"));
        Cli.Run excluded = cli.run("-C", project.toString(), "check");

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("config.yml:8:").contains("the slug has no Procfile at the project root")
                .contains("(at packager.include)").contains("fix: create a Procfile");
        assertThat(present.exit()).as(present.err()).isZero();
        assertThat(excluded.exit()).isEqualTo(2);
        assertThat(excluded.err()).contains("config.yml:8:").contains("packager.exclude leaves it out");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void invalidConfigurationExitsTwoWithFileLineAndNoStackTrace(Fixture fixture) {
        Cli.Run result = cli.run("-C", fixture.root().toString(), "check");

        assertThat(result.exit()).isEqualTo(2);
        String location = fixture.file() + ":" + (fixture.line() > 0 ? fixture.line() + ":" : "");
        assertThat(result.err().replace('\\', '/')).contains(location).contains(fixture.message());
        if (fixture.key() != null) {
            assertThat(result.err()).contains("(at " + fixture.key() + ")");
        }
        if (fixture.fix() != null) {
            assertThat(result.err()).contains("fix: ").contains(fixture.fix());
        }
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void jsonErrorListsEveryProblemOnStdout() {
        Fixture fixture = fixtures.stream().filter(f -> f.name().equals("missing-size")).findFirst().orElseThrow();

        Cli.Run result = cli.run("-C", fixture.root().toString(), "-o", "json", "check");

        JsonNode problem = result.json().get("error").get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(fixture.line());
        assertThat(problem.get("key").asText()).isEqualTo("node_types.app.size");
        assertThat(problem.get("fix").asText()).contains("did you mean 'small'?");
        assertThat(result.exit()).isEqualTo(2);
    }
}
