package io.neckbeard.state;

import io.neckbeard.core.ExitCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentStateTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void rejectsASecondActiveGeneration() {
        assertThatThrownBy(() -> state(generation(1, GenerationState.ACTIVE), generation(2, GenerationState.ACTIVE)))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED))
                .hasMessageContaining("production has 2 active generations");
    }

    @Test
    void rejectsASecondPendingGeneration() {
        assertThatThrownBy(() -> state(generation(1, GenerationState.PENDING), generation(2, GenerationState.PENDING)))
                .isInstanceOf(StateException.class).hasMessageContaining("2 pending generations");
    }

    @Test
    void rejectsGenerationIdsThatDoNotGrow() {
        assertThatThrownBy(() -> state(generation(2, GenerationState.OLD), generation(2, GenerationState.ACTIVE)))
                .isInstanceOf(StateException.class).hasMessageContaining("generation ids must grow: 2 follows 2");
    }

    @Test
    void rejectsADuplicateNodeNameWithinAGeneration() {
        Generation twice = new Generation(1, GenerationState.ACTIVE, NOW, null, null, List.of(node("app-1"), node("app-1")));

        assertThatThrownBy(() -> state(twice)).isInstanceOf(StateException.class)
                .hasMessageContaining("node app-1 appears twice in generation 1");
    }

    @Test
    void aTerminatedGenerationKeepsItsDigestsButNoNodeRecords() {
        Generation old = new Generation(1, GenerationState.OLD, NOW, "sha256:slug", "sha256:config", List.of(node("app-1")));

        Generation terminated = state(EnvironmentState.withState(old, GenerationState.TERMINATED)).generations().get(0);

        assertThat(terminated.nodes()).isEmpty();
        assertThat(terminated.slug()).isEqualTo("sha256:slug");
        assertThat(terminated.configDigest()).isEqualTo("sha256:config");
    }

    @Test
    void allowsOneActiveOnePendingAndManyOld() {
        EnvironmentState state = state(generation(1, GenerationState.OLD), generation(2, GenerationState.TERMINATED),
                generation(3, GenerationState.ACTIVE), generation(4, GenerationState.PENDING));

        assertThat(state.active()).map(Generation::id).contains(3L);
        assertThat(state.pending()).map(Generation::id).contains(4L);
        assertThat(state.nextGenerationId()).isEqualTo(5);
    }

    @Test
    void theFirstGenerationIsNumberOne() {
        assertThat(EnvironmentState.empty("production").nextGenerationId()).isEqualTo(1);
    }

    @Test
    void addsOnlyTheNextGenerationId() {
        EnvironmentState state = state(generation(1, GenerationState.ACTIVE));

        assertThat(state.withGeneration(generation(2, GenerationState.PENDING)).generations()).hasSize(2);
        assertThatThrownBy(() -> state.withGeneration(generation(5, GenerationState.PENDING)))
                .isInstanceOf(StateException.class).hasMessageContaining("neither recorded nor the next id (2)");
    }

    @Test
    void replacesARecordedGenerationInPlace() {
        EnvironmentState state = state(generation(1, GenerationState.ACTIVE));
        Generation withNode = new Generation(1, GenerationState.ACTIVE, NOW, "sha256:x", null, List.of(node("app-1")));

        assertThat(state.withGeneration(withNode).generation(1)).contains(withNode);
    }

    @Test
    void activatingPendingRetiresTheActiveOneInOneChange() {
        EnvironmentState state = state(generation(1, GenerationState.ACTIVE), generation(2, GenerationState.PENDING));

        EnvironmentState promoted = state.activate(2);

        assertThat(promoted.generations()).extracting(Generation::state)
                .containsExactly(GenerationState.OLD, GenerationState.ACTIVE);
        assertThat(promoted.pending()).isEmpty();
    }

    @Test
    void refusesToActivateATerminatedGeneration() {
        EnvironmentState state = state(generation(1, GenerationState.TERMINATED), generation(2, GenerationState.ACTIVE));

        assertThatThrownBy(() -> state.activate(1)).isInstanceOf(StateException.class)
                .hasMessageContaining("generation 1 is terminated");
    }

    @Test
    void keepsVarsAndScaleSortedAndImmutable() {
        EnvironmentState state = EnvironmentState.empty("production").withVars(Map.of("B", "2", "A", "1"))
                .withScale(Map.of("worker", 2, "app", 3, "db", 1));

        assertThat(state.vars().keySet()).containsExactly("A", "B");
        assertThat(state.scale().keySet()).containsExactly("app", "db", "worker");
        assertThatThrownBy(() -> state.scale().put("cache", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.vars().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsAConfigVarNameThatIsNotAVariableName() {
        assertThatThrownBy(() -> new EnvironmentState("production", 1, List.of(), Map.of(), Map.of("A=1; touch F; B", "x")))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("config var name 'A=1; touch F; B' is not a valid variable name");
    }

    private static EnvironmentState state(Generation... generations) {
        return new EnvironmentState("production", 0, List.of(generations), Map.of(), Map.of());
    }

    private static Generation generation(long id, GenerationState state) {
        return new Generation(id, state, NOW, null, null, List.of());
    }

    private static NodeRecord node(String name) {
        return new NodeRecord(name, "app", "us-east-1a", "local", null, null, null, null, null, null, false, Map.of());
    }
}
