package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.Examples;
import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.core.FileTrees;
import io.neckbeard.health.HealthCheckFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes and the stable {@code code} of JSON errors: a bug is 70, not "the operation failed". */
class ErrorCodesTest {
    @TempDir
    Path temp;

    /** A copy of the quickstart project with {@code from} replaced by {@code to} in its config.yml. */
    private Path quickstartWith(String from, String to) throws IOException {
        Path project = Files.createDirectories(temp.resolve("project"));
        FileTrees.copyTree(Examples.project("quickstart"), project);
        Path config = project.resolve("neckbeard/config.yml");
        String text = Files.readString(config);
        assertThat(text).contains(from);
        Files.writeString(config, text.replace(from, to));
        return project;
    }

    @Test
    void aPluginThatThrowsUnexpectedlyIsAnInternalErrorExitingSeventy() throws Exception {
        Path project = quickstartWith("{type: http, path: /health, timeout: 30s}", "{type: buggy}");
        Cli cli = Cli.withStandInPlugins(temp, "-C", project.toString());

        Cli.Run text = cli.run("check");
        Cli.Run json = cli.run("-o", "json", "check");

        assertThat(text.exit()).isEqualTo(70);
        assertThat(text.err()).contains("error: internal error: buggy plugin: index 3 out of bounds")
                .contains("rerun with -v and report it").doesNotContain("at io.");
        JsonNode error = json.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("internal");
        assertThat(error.get("exit_code").asInt()).isEqualTo(70);
        assertThat(json.exit()).isEqualTo(70);
    }

    @Test
    void aBugInANodesWorkIsAnInternalErrorExitingSeventyNotAFailedNode() throws Exception {
        Path project = quickstartWith("resource: local", "resource: buggy-cloud");
        Cli cli = Cli.withStandInPlugins(temp, "-C", project.toString());

        Cli.Run text = cli.run("up", "dev");
        Cli.Run json = cli.run("-o", "json", "up", "dev");

        assertThat(text.exit()).isEqualTo(70);
        assertThat(text.err()).contains("launch: internal error: java.lang.NullPointerException: buggy-cloud provider: no subnet")
                .contains("error: internal error: buggy-cloud provider: no subnet for zone local-")
                .contains("rerun with -v and report it").doesNotContain("at io.");
        JsonNode error = json.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("internal");
        assertThat(error.get("exit_code").asInt()).isEqualTo(70);
        // what is true was recorded and the lock released: both runs are in the history, as failed
        Cli.Run history = cli.run("history", "dev");
        assertThat(history.exit()).isZero();
        assertThat(history.out().lines().filter(line -> line.contains("up") && line.contains("failed"))).hasSize(2);
    }

    @Test
    void jsonErrorsCarryAStableCodeBesideTheExitCode() throws Exception {
        Path project = quickstartWith("app: quickstart", "app: quickstart");
        Cli cli = Cli.with("-C", project.toString(), "-o", "json");

        JsonNode usage = cli.run("status", "--no-such-option").json().get("error");
        JsonNode refused = cli.run("promote", "dev").json().get("error");
        Files.writeString(project.resolve("neckbeard/config.yml"), "app: quickstart\nnode_types: 3\n");
        JsonNode invalid = cli.run("check").json().get("error");

        assertThat(usage.get("code").asText()).isEqualTo("usage");
        assertThat(usage.get("exit_code").asInt()).isEqualTo(2);
        assertThat(refused.get("code").asText()).isEqualTo("safety_refused");
        assertThat(refused.get("exit_code").asInt()).isEqualTo(4);
        assertThat(invalid.get("code").asText()).isEqualTo("config_invalid");
        assertThat(invalid.get("exit_code").asInt()).isEqualTo(2);
    }

    @Test
    void aPluginJarClaimingABuiltInTypeExitsTwoNamingBoth() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        try (OutputStream file = Files.newOutputStream(plugins.resolve("http-again.jar")); JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + HealthCheckFactory.class.getName()));
            jar.write((StandInPlugins.Http.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }

        Cli.Run result = Cli.with("--plugin-path", plugins.toString(), "-C", Examples.project("quickstart").toString()).run("check");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("two HealthCheckFactory plugins claim the type 'http'")
                .contains("io.neckbeard.health.http.HttpHealthCheckFactory").contains(StandInPlugins.Http.class.getName());
    }

    @Test
    void anUnknownKeyInThePluginSettingsIsAProblemAtItsLineWithADidYouMean() throws Exception {
        Path project = quickstartWith("coordinator: {type: local-yaml, path: .neckbeard/state}",
                "coordinator: {type: local-yaml, paht: .neckbeard/state}");

        Cli.Run result = Cli.with("-C", project.toString()).run("check");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("config.yml:10:").contains("unknown setting 'paht' of the local-yaml coordinator")
                .contains("(at coordinator.paht)").contains("did you mean 'path'?");
    }
}
