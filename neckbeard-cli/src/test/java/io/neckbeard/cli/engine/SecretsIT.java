package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.JarProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value read from {@code ${env:VAR}} reaches the node (its parameters, and the app's env file
 * through {@code app_env}), and nothing else: not the coordinator's
 * files, not the audit trail, not the output, even with --verbose. A config var's value reaches the
 * node's env file but never the audit trail or the output.
 */
class SecretsIT {
    private static final String SECRET = "s3cr3t-from-the-environment-42";
    private static final String VAR_VALUE = "config-var-value-77";

    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @BeforeEach
    void projectReadingASecretFromTheEnvironment() throws Exception {
        project.writeEnvironment("dev", """
                extends: base
                node_params:
                  web:
                    db: {password: "${env:NB_TEST_SECRET}", url: "postgres://app:${env:NB_TEST_SECRET}@db/app"}
                    app_env: {API_TOKEN: "${env:NB_TEST_SECRET}"}
                """);
    }

    @Test
    void secretsAndConfigVarValuesReachOnlyTheNodes() throws Exception {
        Map<String, String> env = Map.of("NB_TEST_SECRET", SECRET);
        JarProcess vars = JarProcess.start(project.root(), project.logs(), "vars", env,
                "-v", "vars", "dev", "set", "API_KEY=" + VAR_VALUE);
        assertThat(vars.await()).as(vars.err()).isZero();
        JarProcess up = JarProcess.start(project.root(), project.logs(), "up", env, "-v", "up", "dev");
        assertThat(up.await()).as(up.err()).isZero();
        JarProcess show = JarProcess.start(project.root(), project.logs(), "show", env, "show", "dev", "-o", "json");
        assertThat(show.await()).as(show.err()).isZero();
        JarProcess history = JarProcess.start(project.root(), project.logs(), "history", env, "history", "dev");
        assertThat(history.await()).as(history.err()).isZero();

        assertThat(filesContaining(project.root().resolve(".neckbeard/local"), SECRET)).as("the nodes got the secret")
                .anyMatch(file -> file.endsWith("stack/shared/env"));
        assertThat(filesContaining(project.root().resolve(".neckbeard/local"), VAR_VALUE)).as("the nodes got the var")
                .isNotEmpty();
        assertThat(filesContaining(project.root().resolve(".neckbeard/state"), SECRET)).isEmpty();
        assertThat(filesContaining(project.root().resolve(".neckbeard/state"), VAR_VALUE))
                .as("config vars are kept in the state file, never in the audit trail")
                .allMatch(file -> file.getFileName().toString().equals("state.yml"));
        for (JarProcess run : List.of(vars, up, show, history)) {
            assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain(VAR_VALUE);
        }
        assertThat(show.out()).contains("${env:NB_TEST_SECRET}");
        assertThat(history.out()).contains("API_KEY=***");
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, text)).toList();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
