package io.neckbeard.cli.command;

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
        ConfigCliRunner cli = new ConfigCliRunner(temp);
        Path project = Files.createDirectories(temp.resolve("My Shop"));

        ConfigCliRunner.Result init = cli.run("-C", project.toString(), "init");
        ConfigCliRunner.Result check = cli.run("-C", project.toString(), "check");

        assertThat(init.code()).isZero();
        assertThat(init.out()).contains("created neckbeard/config.yml", "created neckbeard/envs/staging.yml",
                "created neckbeard/envs/production.yml");
        assertThat(Files.readString(project.resolve("neckbeard/config.yml"))).contains("app: my-shop").contains("# ");
        assertThat(check.out()).isEqualTo("ok: 2 environments, 6 nodes checked" + System.lineSeparator());
        assertThat(check.code()).isZero();
    }

    @Test
    void scaffoldsAnEc2ProjectThatPassesCheck() {
        ConfigCliRunner cli = new ConfigCliRunner(temp);

        cli.run("-C", temp.toString(), "init", "--app", "shop", "--provider", "ec2");
        ConfigCliRunner.Result show = cli.run("-C", temp.toString(), "show", "production", "--node", "web-1");

        assertThat(show.out()).contains("resource ec2").contains("image_id: ami-REPLACE-ME");
        assertThat(cli.run("-C", temp.toString(), "check").code()).isZero();
    }

    @Test
    void refusesToOverwriteAnExistingConfiguration() throws Exception {
        ConfigCliRunner cli = new ConfigCliRunner(temp);
        Files.createDirectories(temp.resolve("neckbeard"));
        Files.writeString(temp.resolve("neckbeard/config.yml"), "app: mine\n");

        ConfigCliRunner.Result result = cli.run("-C", temp.toString(), "init", "--app", "other");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("already exists");
        assertThat(Files.readString(temp.resolve("neckbeard/config.yml"))).isEqualTo("app: mine\n");
    }

    @Test
    void rejectsAnInvalidAppName() {
        ConfigCliRunner.Result result = new ConfigCliRunner(temp).run("-C", temp.toString(), "init", "--app", "My App");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("app name 'My App' is not a valid name");
        assertThat(Files.exists(temp.resolve("neckbeard/config.yml"))).isFalse();
    }
}
