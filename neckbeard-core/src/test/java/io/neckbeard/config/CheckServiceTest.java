package io.neckbeard.config;

import io.neckbeard.config.testing.InvalidFixtures.Fixture;
import io.neckbeard.config.testing.InvalidFixtures;
import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.model.Problem;
import io.neckbeard.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check}'s result says what was found: not ok, with every problem, for an invalid project. */
class CheckServiceTest {
    @TempDir
    Path temp;

    @Test
    void anInvalidProjectIsNotOkAndListsItsProblems() throws Exception {
        Plugins plugins = StandInPlugins.plugins(temp);
        Fixture fixture = InvalidFixtures.copyTo(Files.createDirectories(temp.resolve("invalid"))).stream()
                .filter(f -> f.name().equals("missing-size")).findFirst().orElseThrow();

        CheckService.CheckResult result = new CheckService(ConfigLoader.forCheck(plugins)).check(fixture.root(), List.of());

        assertThat(result.ok()).isFalse();
        assertThat(result.nodes()).isZero();
        assertThat(result.problems()).extracting(Problem::keyPath).contains("node_types.app.size");
    }

    @Test
    void aValidProjectIsOkWithNoProblems() {
        Path quickstart = Path.of("..", "examples", "quickstart");

        CheckService.CheckResult result = new CheckService(ConfigLoader.forCheck(StandInPlugins.plugins(temp))).check(quickstart, List.of("dev"));

        assertThat(result.ok()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.environments()).containsExactly("dev");
        assertThat(result.nodes()).isEqualTo(2);
    }
}
