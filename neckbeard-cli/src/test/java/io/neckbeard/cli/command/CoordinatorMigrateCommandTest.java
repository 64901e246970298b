package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.testing.moto.SdkOnMoto;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code coordinator migrate} through the CLI, local-yaml to local-yaml at another path. */
@ExtendWith(MotoExtension.class) // node adopt asks the ec2 provider (on moto) for the resource's tags
class CoordinatorMigrateCommandTest {
    private static final String TARGET = "{type: local-yaml, path: moved/state}";
    @TempDir
    Path dir;
    private Path project;
    private Cli cli;

    @BeforeEach
    void deployerHistory(MotoServer moto) throws IOException {
        SdkOnMoto.use(moto);
        project = Fixtures.copy("projects/coordinated", dir.resolve("project"));
        cli = Cli.with("-C", project.toString());
        assertThat(cli.run("vars", "production", "set", "DATABASE_URL=postgres://db/shop").exit()).isZero();
        assertThat(cli.run("scale", "production", "app=6").exit()).isZero();
        assertThat(cli.run("node", "adopt", "production", "app-1", "i-0abc").exit()).isZero();
        assertThat(cli.run("vars", "qa", "set", "FEATURE=on").exit()).isZero();
    }

    @AfterEach
    void clearAwsSettings() {
        SdkOnMoto.clear();
    }

    @Test
    void copiesEveryEnvironmentSoStatusAndHistoryReadTheSameFromTheTarget() throws IOException {
        Cli.Run migrate = cli.run("coordinator", "migrate", "--to", TARGET, "-o", "json");

        assertThat(migrate.exit()).as(migrate.err()).isZero();
        assertThat(migrate.json().get("environments")).extracting(copied -> copied.get("environment").asText())
                .containsExactly("production", "qa");
        JsonNode production = migrate.json().get("environments").get(0);
        assertThat(production.get("audit_entries").asInt()).isEqualTo(3);
        assertThat(production.get("replaced").asBoolean()).isFalse();

        String statusBefore = cli.run("status", "production", "--cached", "-o", "json").out();
        JsonNode historyBefore = cli.run("history", "production", "-o", "json").json();
        switchCoordinatorTo(TARGET);
        assertThat(cli.run("status", "production", "--cached", "-o", "json").out()).isEqualTo(statusBefore);
        JsonNode historyAfter = cli.run("history", "production", "-o", "json").json();
        // Both trails end with the migration's own entry, each with its own timing; all before it is the same.
        assertThat(commands(historyAfter)).isEqualTo(commands(historyBefore))
                .containsExactly("coordinator migrate", "node adopt", "scale", "vars set");
        assertThat(historyAfter.get("entries").get(1)).isEqualTo(historyBefore.get("entries").get(1));
        assertThat(historyAfter.get("entries").get(3)).isEqualTo(historyBefore.get("entries").get(3));
        assertThat(cli.run("vars", "qa", "--show-values", "-o", "json").json().get("values").get("FEATURE").asText())
                .isEqualTo("on");
    }

    @Test
    void refusesATargetThatAlreadyHoldsTheEnvironmentUnlessForced() {
        assertThat(cli.run("coordinator", "migrate", "--to", TARGET, "--env", "qa").exit()).isZero();

        Cli.Run refused = cli.run("coordinator", "migrate", "--to", TARGET);

        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).contains("already holds state or history for qa").contains("--force");
        assertThat(new LocalYamlBackend(project.resolve("moved/state")).environments()).containsExactly("qa");
        assertThat(new LocalYamlBackend(project.resolve(".neckbeard/state")).audit("qa", 1))
                .extracting(entry -> entry.command() + " " + entry.result()).containsExactly("coordinator migrate refused");

        Cli.Run forced = cli.run("coordinator", "migrate", "--to", TARGET, "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("copied production").contains("copied qa").contains("replacing what the target held");
        assertThat(new LocalYamlBackend(project.resolve("moved/state")).read("production").scale()).containsEntry("app", 6);
    }

    @Test
    void readsTheTargetFromAFileAndRejectsSettingsWithoutAType() throws IOException {
        Path settings = Files.writeString(dir.resolve("target.yml"), "coordinator:\n  type: local-yaml\n  path: moved/state\n");

        assertThat(cli.run("coordinator", "migrate", "--to", settings.toString(), "--env", "qa").exit()).isZero();
        assertThat(new LocalYamlBackend(project.resolve("moved/state")).read("qa").vars()).containsEntry("FEATURE", "on");

        Cli.Run invalid = cli.run("coordinator", "migrate", "--to", "{path: x}");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).contains("--to is not a coordinator block with a type");
    }

    private void switchCoordinatorTo(String settings) throws IOException {
        Path config = project.resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config).replace("{type: local-yaml, path: .neckbeard/state}", settings));
    }

    private static List<String> commands(JsonNode history) {
        List<String> commands = new ArrayList<>();
        history.get("entries").forEach(entry -> commands.add(entry.get("command").asText()));
        return commands;
    }
}
