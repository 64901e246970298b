package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.neckbeard.cli.engine.EngineProject.appProcesses;
import static io.neckbeard.cli.engine.EngineProject.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole lifecycle on real local nodes: up, status, up --pending, promote, rollback, terminate. */
class LifecycleTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void upPendingPromoteRollbackAndTerminateServeTheRightGenerationForReal() {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.out()).contains("up dev: generation 1 ok");
        Generation first = project.state("dev").active().orElseThrow();
        assertThat(first.id()).isEqualTo(1);
        assertThat(first.nodes()).extracting(NodeRecord::name).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(first.nodes()).allSatisfy(node -> {
            assertThat(node.operational()).isTrue();
            assertThat(body(node)).contains("node=" + node.name(), "generation=1");
        });

        Cli.Run status = project.run("status", "dev", "-o", "json");
        assertThat(status.exit()).as(status.err()).isZero();
        JsonNode generations = status.json().get("generations");
        assertThat(generations.get(0).get("state").asText()).isEqualTo("active");
        assertThat(generations.get(0).get("nodes")).allSatisfy(n -> assertThat(n.get("operational").asBoolean()).isTrue());

        Cli.Run pending = project.run("up", "dev", "--pending");
        assertThat(pending.exit()).as(pending.err()).isZero();
        Generation second = project.state("dev").pending().orElseThrow();
        assertThat(second.id()).isEqualTo(2);
        assertThat(second.nodes()).allSatisfy(node -> {
            assertThat(node.operational()).isFalse();
            assertThat(body(node)).contains("generation=2");
        });
        assertThat(first.nodes()).allSatisfy(node -> assertThat(body(node)).contains("generation=1"));

        Cli.Run promote = project.run("promote", "dev", "-o", "json");
        assertThat(promote.exit()).as(promote.err()).isZero();
        JsonNode promoted = promote.json();
        assertThat(promoted.get("result").asText()).isEqualTo("ok");
        assertThat(promoted.get("generation").asLong()).isEqualTo(2);
        EnvironmentState afterPromote = project.state("dev");
        assertThat(afterPromote.active().orElseThrow().id()).isEqualTo(2);
        assertThat(afterPromote.generation(1).orElseThrow().state()).isEqualTo(GenerationState.OLD);
        assertThat(afterPromote.active().orElseThrow().nodes()).allMatch(NodeRecord::operational);
        assertThat(afterPromote.generation(1).orElseThrow().nodes()).noneMatch(NodeRecord::operational);

        Cli.Run rollback = project.run("rollback", "dev");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        EnvironmentState afterRollback = project.state("dev");
        assertThat(afterRollback.active().orElseThrow().id()).isEqualTo(1);
        assertThat(afterRollback.generation(2).orElseThrow().state()).isEqualTo(GenerationState.OLD);
        assertThat(afterRollback.active().orElseThrow().nodes()).allSatisfy(node -> assertThat(body(node)).contains("generation=1"));

        List<ProcessHandle> secondProcesses = appProcesses(second);
        assertThat(secondProcesses).hasSize(2);
        Cli.Run unconfirmed = project.run("terminate", "dev", "--old"); // no terminal in a test
        assertThat(unconfirmed.exit()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("terminate would destroy 2 nodes (generation 2 of dev), and there is no "
                + "terminal to confirm it on").contains("fix: pass --yes to confirm without a terminal");
        Cli.Run terminateOld = project.run("terminate", "dev", "--old", "--yes");
        assertThat(terminateOld.exit()).as(terminateOld.err()).isZero();
        assertThat(project.state("dev").generation(2).orElseThrow().state()).isEqualTo(GenerationState.TERMINATED);
        assertThat(secondProcesses).noneMatch(Processes::running);
        assertThat(second.nodes()).allSatisfy(node -> assertThat(body(node)).isNull());
        assertThat(first.nodes()).allSatisfy(node -> assertThat(body(node)).contains("generation=1"));

        Cli.Run refused = project.run("terminate", "dev", "--all", "--yes");
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).contains("the active generation 1", "--force");

        List<ProcessHandle> firstProcesses = appProcesses(first);
        Cli.Run terminateAll = project.run("terminate", "dev", "--all", "--force", "--yes");
        assertThat(terminateAll.exit()).as(terminateAll.err()).isZero();
        assertThat(project.state("dev").generations()).allMatch(g -> g.state() == GenerationState.TERMINATED);
        assertThat(firstProcesses).isNotEmpty().noneMatch(Processes::running);
        assertThat(EngineProject.processes(project.root())).isEmpty();
    }
}
