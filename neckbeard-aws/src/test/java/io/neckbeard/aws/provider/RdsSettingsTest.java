package io.neckbeard.aws.provider;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RdsSettingsTest {

    @Test
    void theParameterGroupFamilyComesFromTheEngineAndItsVersionUnlessWritten() {
        assertThat(settings(Map.of("engine", "postgres", "engine_version", "16.3")).family()).isEqualTo("postgres16");
        assertThat(settings(Map.of("engine", "postgres", "engine_version", "16")).family()).isEqualTo("postgres16");
        assertThat(settings(Map.of("engine", "mysql", "engine_version", "8.0.35")).family()).isEqualTo("mysql8.0");
        assertThat(settings(Map.of("engine", "mariadb", "engine_version", "10.11.6")).family()).isEqualTo("mariadb10.11");
        assertThat(settings(Map.of("engine", "postgres", "engine_version", "16.3", "parameter_group_family", "custom16"))
                .family()).isEqualTo("custom16");
        assertThat(settings(Map.of("engine", "postgres")).family()).isNull();
    }

    @Test
    void defaultsAreAFinalSnapshotTheSeedSnapshotAndAnHourToWait() {
        RdsSettings settings = settings(Map.of("engine", "postgres"));

        assertThat(settings.finalSnapshot()).isTrue();
        assertThat(settings.seed().kind()).isEqualTo(RdsSeed.Kind.SNAPSHOT_OF_SEED);
        assertThat(settings.launchTimeout()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void numbersAndFlagsReadFromTheEnvironmentArriveAsTextAndAreParsed() {
        RdsSettings settings = settings(Map.of("allocated_storage", "100", "multi_az", "true", "final_snapshot", "false"));

        assertThat(settings.allocatedStorage()).isEqualTo(100);
        assertThat(settings.multiAz()).isTrue();
        assertThat(settings.finalSnapshot()).isFalse();
        assertThatThrownBy(() -> settings(Map.of("port", "fifty")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("rds.port must be a whole number, found 'fifty'");
    }

    private static RdsSettings settings(Map<String, Object> rds) {
        return RdsSettings.of(Map.of("rds", rds));
    }
}
