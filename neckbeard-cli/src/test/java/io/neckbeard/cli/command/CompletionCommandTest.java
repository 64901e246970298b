package io.neckbeard.cli.command;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {
    private final Cli cli = Cli.with();

    @Test
    void bashScriptCompletesTheCommands() {
        Cli.Run result = cli.run("completion", "bash");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("complete -F").contains("promote").contains("rollback");
    }

    @Test
    void zshScriptLoadsBashCompatibilityFirst() {
        Cli.Run result = cli.run("completion", "zsh");

        assertThat(result.out()).startsWith("#compdef neckbeard").contains("bashcompinit").contains("complete -F");
    }

    @Test
    void unknownShellIsAUsageError() {
        Cli.Run result = cli.run("completion", "fish");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("fish");
    }

    @TempDir
    Path temp;

    @Test
    void bashCompletesEnvironmentNamesFromTheProjectFoundWhenCompleting() throws Exception {
        Path project = project();
        Path inside = Files.createDirectories(project.resolve("app/static"));
        List<String> environments;
        try (var files = Files.list(project.resolve("neckbeard/envs"))) {
            environments = files.map(f -> f.getFileName().toString().replace(".yml", "")).sorted().toList();
        }

        assertThat(complete(inside, "neckbeard", "up", "")).contains("production", "staging").isEqualTo(environments);
        assertThat(complete(temp, "neckbeard", "-C", project.toString(), "-o", "json", "lock", "status", "st"))
                .containsExactly("staging");
        assertThat(complete(inside, "neckbeard", "check", "production", "")).isEqualTo(environments);
        assertThat(complete(inside, "neckbeard", "up", "production", "")).isEmpty();
        assertThat(complete(inside, "neckbeard", "view", "")).as("an alias too").isEqualTo(environments);
    }

    @Test
    void bashCompletesNodeNamesWhereANodeIsTaken() throws Exception {
        Path project = project();

        assertThat(complete(project, "neckbeard", "ssh", "production", "")).containsExactly("app-1", "app-2", "app-3", "app-4");
        assertThat(complete(project, "neckbeard", "run", "production", "--node", "app-3")).containsExactly("app-3");
        assertThat(complete(project, "neckbeard", "node", "forget", "production", "")).hasSize(4);
        assertThat(complete(project, "neckbeard", "run", "production", "--", "")).isEmpty();
    }

    private Path project() throws Exception {
        Path project = Fixtures.copy("projects/coordinated", temp.resolve("shop"));
        Files.writeString(project.resolve("neckbeard/envs/staging.yml"), "extends: base\n");
        return project;
    }

    /**
     * Sources the generated script in a real bash, in {@code dir}, and completes the last of {@code words};
     * "neckbeard" is this test's class path.
     */
    private List<String> complete(Path dir, String... words) throws Exception {
        Path script = temp.resolve("neckbeard.bash");
        Files.writeString(script, cli.run("completion", "bash").out());
        Path neckbeard = temp.resolve("neckbeard");
        Files.writeString(neckbeard, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' io.neckbeard.cli.Neckbeard \"$@\"\n");
        Files.setPosixFilePermissions(neckbeard, PosixFilePermissions.fromString("rwx------"));
        StringBuilder line = new StringBuilder();
        StringBuilder array = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = i == 0 ? neckbeard.toString() : words[i];
            array.append(" '").append(word).append("'");
            line.append(i == 0 ? "" : " ").append(word);
        }
        // compopt works only inside a completion bash itself started: a no-op here
        String bash = "compopt() { :; }\nsource '" + script + "'\nCOMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1)
                + "\nCOMP_LINE='" + line + "'\n_complete_neckbeard\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process process = new ProcessBuilder("bash", "-c", bash).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().filter(l -> !l.isEmpty()).toList();
    }
}
