package io.neckbeard.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void readsMillisecondsSecondsMinutesHoursAndBareSeconds() {
        assertThat(Durations.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse(" 2m ", "x")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h", "x")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("45", "x")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parseOr(null, Duration.ofSeconds(5), "x")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rejectsAnythingElseAsAUsageErrorNamingTheSetting() {
        for (String bad : new String[] {"2 minutes", "-1s", "1.5s", "", "s"}) {
            assertThatThrownBy(() -> Durations.parse(bad, "node_types.app.health_check.timeout"))
                    .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).contains("node_types.app.health_check.timeout");
                    });
        }
    }
}
