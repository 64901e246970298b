package io.neckbeard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The jbang catalog at the repository root runs the released JAR, with the Java and JVM flags the launcher uses. */
class JbangCatalogTest {
    @Test
    void theNeckbeardAliasRunsTheLatestReleasedJarOnJava17OrLater() throws IOException {
        JsonNode alias = new ObjectMapper().readTree(Path.of("../jbang-catalog.json").toFile()).at("/aliases/neckbeard");

        assertThat(alias.get("script-ref").asText()).matches("https://github\\.com/[^/]+/[^/]+/releases/latest/download/neckbeard\\.jar");
        assertThat(alias.get("java").asText()).isEqualTo("17+");
        assertThat(alias.get("description").asText()).isNotBlank();
        assertThat(alias.get("java-options")).extracting(JsonNode::asText)
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"); // bin/neckbeard's flags for a short-lived CLI
    }
}
