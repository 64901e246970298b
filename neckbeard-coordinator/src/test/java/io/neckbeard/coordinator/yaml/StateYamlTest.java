package io.neckbeard.coordinator.yaml;

import io.neckbeard.coordinator.CoordinatorBackendContract;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateYamlTest {

    @Test
    void writesTheStableDiffFriendlyLayout() {
        EnvironmentState state = CoordinatorBackendContract.fullState("production").withVersion(7);

        assertThat(StateYaml.encode(state)).isEqualTo(fixture("state/production.yml"));
    }

    @Test
    void readsWhatItWrites() {
        EnvironmentState state = CoordinatorBackendContract.fullState("production").withVersion(7);

        assertThat(StateYaml.decode("production", fixture("state/production.yml"), "state.yml")).isEqualTo(state);
    }

    @Test
    void readsBackAStateLargerThanYamlReadersAcceptByDefault() {
        Map<String, String> vars = new TreeMap<>();
        for (int i = 0; i < 50; i++) {
            vars.put("VAR_" + i, "v".repeat(100 * 1024));
        }
        EnvironmentState state = EnvironmentState.empty("production").withVars(vars).withVersion(3);

        assertThat(StateYaml.decode("production", StateYaml.encode(state), "state.yml")).isEqualTo(state);
    }

    @Test
    void refusesToWriteAStateOverTheCap() {
        Map<String, String> vars = new TreeMap<>();
        String mebibyte = "v".repeat(1024 * 1024);
        for (int i = 0; i <= StateYaml.MAX_STATE_CHARS / mebibyte.length(); i++) {
            vars.put("VAR_" + i, mebibyte);
        }
        EnvironmentState state = EnvironmentState.empty("production").withVars(vars);

        assertThatThrownBy(() -> StateYaml.encode(state))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("the state of production would be 65.0 MiB, over the 64.0 MiB");
    }

    @Test
    void aDuplicateKeyIsDamageNamingItsLine() {
        String twoVars = "version: 2\nenvironment: production\nvars:\n  A: \"1\"\nvars:\n  B: \"2\"\ngenerations: []\n";

        assertThatThrownBy(() -> StateYaml.decode("production", twoVars, "prod/state.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("prod/state.yml:5: duplicate key 'vars' (first at line 3)");
    }

    @Test
    void aDuplicateNestedKeyIsDamageToo() {
        String twoValues = "version: 2\nenvironment: production\nvars:\n  A: \"1\"\n  A: \"2\"\ngenerations: []\n";

        assertThatThrownBy(() -> StateYaml.decode("production", twoValues, "prod/state.yml"))
                .hasMessage("prod/state.yml:5: duplicate key 'A' (first at line 4)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "9223372036854775807", "9223372036854775808"})
    void aVersionOutsideTheRangeIsDamage(String version) {
        String text = "version: " + version + "\nenvironment: production\ngenerations: []\n";

        assertThatThrownBy(() -> StateYaml.decode("production", text, "prod/state.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("prod/state.yml:1: ");
        assertThatThrownBy(() -> StateYaml.version("production", text, "prod/state.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("prod/state.yml:1: ");
    }

    @Test
    void theLargestVersionAWriteCanStillFollowIsRead() {
        String text = "version: 9223372036854775806\nenvironment: production\ngenerations: []\n";

        assertThat(StateYaml.decode("production", text, "s.yml").version()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(StateYaml.version("production", text, "s.yml")).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void aFileThatIsNotUtf8IsDamageNamingTheLine() {
        byte[] latin1 = "version: 1\nenvironment: production\nvars:\n  CITY: Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> StateYaml.text(latin1, "prod/state.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("prod/state.yml:4: not UTF-8 text (byte 0xfc at offset 50)");
        assertThat(StateYaml.text("caf\u00e9 \ud83d\ude00".getBytes(StandardCharsets.UTF_8), "s.yml"))
                .isEqualTo("caf\u00e9 \ud83d\ude00");
    }

    @Test
    void aStateOfAnotherEnvironmentIsDamageForReadsAndWritesAlike() {
        String production = fixture("state/production.yml");

        assertThatThrownBy(() -> StateYaml.decode("staging", production, "staging/state.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("staging/state.yml:2: this file holds the state of 'production', not of 'staging'");
        assertThatThrownBy(() -> StateYaml.version("staging", production, "staging/state.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("staging/state.yml:2: this file holds the state of 'production'");
    }

    @Test
    void theEnvironmentLineIsReadAsYaml() {
        assertThat(StateYaml.version("2024", "version: 4\nenvironment: \"2024\"\n", "s.yml")).isEqualTo(4);
    }

    @Test
    void readsTheVersionFromTheFirstLineOnly() {
        assertThat(StateYaml.version("production", fixture("state/production.yml"), "state.yml")).isEqualTo(7);
    }

    @Test
    void rejectsAFileWhoseFirstLineIsNotTheVersion() {
        assertThatThrownBy(() -> StateYaml.version("x", "environment: x\nversion: 3\n", "prod/state.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("prod/state.yml:1: ");
    }

    @Test
    void namesFileAndLineOfBrokenYaml() {
        assertThatThrownBy(() -> StateYaml.decode("production", fixture("state/broken-syntax.yml"), "prod/state.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.remedy()).contains("writes nothing to it");
                })
                .hasMessageStartingWith("prod/state.yml:7: not valid YAML");
    }

    @Test
    void namesTheLineOfAnUnknownGenerationState() {
        assertThatThrownBy(() -> StateYaml.decode("production", fixture("state/unknown-generation-state.yml"), "s.yml"))
                .isInstanceOf(CoordinatorException.class)
                .hasMessageStartingWith("s.yml:4: generation state 'live' is not one of");
    }

    @Test
    void namesTheLineOfAMalformedInstant() {
        assertThatThrownBy(() -> StateYaml.decode("production", fixture("state/bad-instant.yml"), "s.yml"))
                .isInstanceOf(CoordinatorException.class)
                .hasMessageStartingWith("s.yml:6: 'created_at' must be an ISO-8601 instant");
    }

    @Test
    void rejectsAHandEditedStateThatBreaksAnInvariant() {
        assertThatThrownBy(() -> StateYaml.decode("production", fixture("state/two-active.yml"), "s.yml"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("s.yml: production has 2 active generations");
    }

    @Test
    void roundTripsALock() {
        LockInfo lock = new LockInfo("production", "alice@laptop", "laptop", 4242, "up",
                Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:05:00.5Z"), "t-1");

        String text = StateYaml.encode(lock);

        assertThat(text).startsWith("holder: alice@laptop\nhost: laptop\npid: 4242\ncommand: up\n");
        assertThat(StateYaml.decodeLock("production", text, "lock.yml")).isEqualTo(lock);
    }

    static String fixture(String name) {
        try (InputStream in = StateYamlTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
