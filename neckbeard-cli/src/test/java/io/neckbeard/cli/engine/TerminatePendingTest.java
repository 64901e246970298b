package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.GenerationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code terminate} of a pending generation: a failed build goes without --force, a built one needs it. */
class TerminatePendingTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @BeforeEach
    void deploy() {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
    }

    @Test
    void aPendingGenerationWhoseBuildFailedIsTerminatedWithoutForce() throws Exception {
        project.writeEnvironment("dev", "extends: base\nnode_params: {web: {provision: {fail_node: web-2}}}\n");
        Cli.Run pending = project.run("up", "dev", "--pending");
        assertThat(pending.exit()).as(pending.out()).isEqualTo(1);

        Cli.Run terminate = project.run("terminate", "dev", "--generation", "2", "--yes");

        assertThat(terminate.exit()).as(terminate.err()).isZero();
        assertThat(project.state("dev").generation(2).orElseThrow().state()).isEqualTo(GenerationState.TERMINATED);
        assertThat(project.state("dev").active().orElseThrow().id()).isEqualTo(1);
    }

    @Test
    void aBuiltPendingGenerationStillNeedsForce() {
        Cli.Run pending = project.run("up", "dev", "--pending");
        assertThat(pending.exit()).as(pending.err()).isZero();

        Cli.Run terminate = project.run("terminate", "dev", "--generation", "2", "--yes");

        assertThat(terminate.exit()).isEqualTo(4);
        assertThat(terminate.err()).contains("the pending generation 2").contains("--force");
    }
}
