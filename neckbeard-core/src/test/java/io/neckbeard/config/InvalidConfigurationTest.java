package io.neckbeard.config;

import io.neckbeard.config.testing.InvalidFixtures.Fixture;
import io.neckbeard.config.testing.InvalidFixtures;
import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.model.Problem;
import io.neckbeard.plugin.Plugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every fixture under invalid/ fails to load with the problem its expected.properties names. */
class InvalidConfigurationTest {
    @TempDir
    static Path temp;
    static List<Fixture> fixtures;
    static Plugins plugins;

    @BeforeAll
    static void copyFixtures() throws Exception {
        fixtures = InvalidFixtures.copyTo(java.nio.file.Files.createDirectories(temp.resolve("invalid")));
        plugins = StandInPlugins.plugins(temp);
    }

    static List<Fixture> fixtures() {
        return fixtures;
    }

    @Test
    void thereAreAtLeastTwentyFiveFixtures() {
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsTheExpectedProblemAtItsPosition(Fixture fixture) {
        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(plugins).load(fixture.root(), List.of()));

        assertThat(failure).as("loading %s must fail", fixture.name()).isNotNull();
        Problem problem = failure.problems().stream().filter(p -> p.message().contains(fixture.message())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem saying '" + fixture.message() + "' in:\n" + failure.getMessage()));
        assertThat(problem.file().toString().replace('\\', '/')).endsWith(fixture.file());
        if (fixture.line() > 0) {
            assertThat(problem.line()).as("line of " + problem.render()).isEqualTo(fixture.line());
        }
        if (fixture.column() > 0) {
            assertThat(problem.column()).as("column of " + problem.render()).isEqualTo(fixture.column());
        }
        if (fixture.key() != null) {
            assertThat(problem.keyPath()).as("key path of " + problem.render()).isEqualTo(fixture.key());
        }
        assertThat(problem.fix()).as("every problem says how to fix it").isNotBlank();
        if (fixture.fix() != null) {
            assertThat(problem.fix()).as("fix of " + problem.render()).contains(fixture.fix());
        }
    }
}
