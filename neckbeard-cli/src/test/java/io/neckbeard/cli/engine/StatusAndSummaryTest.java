package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Summary lines count what happened (every generation terminated is named; an empty selection
 * says nothing matched), and {@code status} leaves terminated generations out unless {@code --all},
 * with text timestamps to the second and JSON ones whole.
 */
class StatusAndSummaryTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void terminateNamesEveryGenerationAndStatusHidesTerminatedOnesUnlessAll() {
        assertThat(project.run("up", "dev").exit()).isZero();
        assertThat(project.run("up", "dev", "--pending").exit()).isZero();
        Generation first = project.state("dev").active().orElseThrow();

        Cli.Run terminate = project.run("terminate", "dev", "--all", "--force", "--yes");
        assertThat(terminate.exit()).as(terminate.err()).isZero();
        assertThat(terminate.out()).contains("terminate dev: generations 1, 2 ok (4 nodes)");

        Cli.Run nothing = project.run("terminate", "dev", "--old", "--yes");
        assertThat(nothing.exit()).as(nothing.err()).isZero();
        assertThat(nothing.out()).contains("terminate dev: no generation matched; nothing changed").doesNotContain("generation 0");

        Cli.Run status = project.run("status", "dev");
        assertThat(status.out()).doesNotContain("generation 1").doesNotContain("no generations yet")
                .contains("2 terminated generations not shown (--all shows them)");
        assertThat(project.run("-o", "json", "status", "dev").json().get("generations")).isEmpty();

        Cli.Run all = project.run("status", "dev", "--all");
        assertThat(all.out()).contains("generation 1  terminated  created " + first.createdAt().truncatedTo(ChronoUnit.SECONDS)
                + "  slug ").doesNotContain("not shown");
        JsonNode json = project.run("-o", "json", "status", "dev", "--all").json();
        assertThat(json.get("generations")).hasSize(2);
        assertThat(Instant.parse(json.at("/generations/1/created_at").asText())).isEqualTo(first.createdAt());
    }
}
