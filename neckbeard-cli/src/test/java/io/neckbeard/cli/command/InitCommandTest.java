package io.neckbeard.cli.command;

import io.neckbeard.cli.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTest {
    @TempDir
    Path temp;

    @Test
    void scaffoldsALocalProjectThatPassesCheck() throws Exception {
        Path project = Files.createDirectories(temp.resolve("My Shop"));
        Cli cli = Cli.with("-C", project.toString());

        Cli.Run init = cli.run("init");
        Files.writeString(project.resolve("Procfile"), "web: python3 -m http.server $PORT\n"); // the app's, as config.yml says
        Cli.Run check = cli.run("check");

        assertThat(init.exit()).isZero();
        assertThat(init.out()).contains("created neckbeard/config.yml", "created neckbeard/envs/staging.yml",
                "created neckbeard/envs/production.yml");
        assertThat(Files.readString(project.resolve("neckbeard/config.yml"))).contains("app: my-shop").contains("# ")
                .contains("docs/configuration.md in the neckbeard repository");
        assertThat(check.out()).isEqualTo("ok: 2 environments, 6 nodes checked" + System.lineSeparator());
        assertThat(check.exit()).isZero();
    }

    @Test
    void scaffoldsAnEc2ProjectThatPassesCheck() throws Exception {
        Cli cli = Cli.with("-C", temp.toString());

        cli.run("init", "--app", "shop", "--provider", "ec2");
        Files.writeString(temp.resolve("Procfile"), "web: bin/server --port $PORT\n");
        Cli.Run show = cli.run("show", "production", "--node", "web-1");

        assertThat(show.out()).contains("resource ec2").contains("image_id: ami-REPLACE-ME");
        assertThat(cli.run("check").exit()).isZero();
    }

    @Test
    void refusesToOverwriteAnExistingConfiguration() throws Exception {
        Files.createDirectories(temp.resolve("neckbeard"));
        Files.writeString(temp.resolve("neckbeard/config.yml"), "app: mine\n");

        Cli.Run result = Cli.with("-C", temp.toString()).run("init", "--app", "other");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("already exists");
        assertThat(Files.readString(temp.resolve("neckbeard/config.yml"))).isEqualTo("app: mine\n");
    }

    @Test
    void rejectsAnInvalidAppName() {
        Cli.Run result = Cli.with("-C", temp.toString()).run("init", "--app", "My App");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("app name 'My App' is not a valid name");
        assertThat(Files.exists(temp.resolve("neckbeard/config.yml"))).isFalse();
    }
}
