package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** plan, --dry-run, the HA refusal, hooks, repair and retirement, on real local nodes. */
class EngineCommandsTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void planAndDryRunPrintWhatUpWouldDoAndTouchNothing() {
        Cli.Run plan = project.run("plan", "dev");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("active generation 1 of dev (new)").containsPattern("web-1 +web +local-a +- +launch, provision, register");

        Cli.Run dryRun = project.run("up", "dev", "--dry-run", "-o", "json");
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        JsonNode report = dryRun.json();
        assertThat(report.get("new_generation").asBoolean()).isTrue();
        assertThat(report.get("waves").get(0)).hasSize(2);
        assertThat(report.get("nodes").get(1).get("actions").toString()).isEqualTo("[\"launch\",\"provision\",\"register\"]");

        assertThat(project.state("dev").version()).isZero();
        assertThat(project.root().resolve(".neckbeard/local")).doesNotExist();
    }

    @Test
    void anUnsetEnvironmentVariableIsAUsageErrorBeforeAnyNodeIsLaunched() throws Exception {
        project.writeEnvironment("dev", "extends: base\nnode_params: {web: {db: {password: \"${env:NB_SURELY_UNSET_42}\"}}}\n");

        Cli.Run up = project.run("up", "dev");

        assertThat(up.exit()).isEqualTo(2);
        assertThat(up.err()).contains("environment variable NB_SURELY_UNSET_42 is not set");
        assertThat(project.root().resolve(".neckbeard/local")).doesNotExist();
    }

    @Test
    void inPlaceDeployThatWouldBreakTheFloorIsRefusedBeforeTouchingAnything() throws Exception {
        assertThat(project.run("up", "dev").exit()).isZero();
        project.writeEnvironment("dev", "extends: base\nnode_params: {web: {provision: {sleep: \"0\", fail_node: changed}}}\n");
        EnvironmentState before = project.state("dev");

        Cli.Run dryRun = project.run("up", "dev", "--dry-run");
        Cli.Run up = project.run("up", "dev");

        assertThat(dryRun.exit()).isEqualTo(4);
        assertThat(up.exit()).isEqualTo(4);
        assertThat(up.err()).contains("web nodes in AZ local-a", "min_per_az=1", "use neckbeard up dev --pending");
        assertThat(project.state("dev").version()).isEqualTo(before.version());
        assertThat(project.state("dev").active().orElseThrow().nodes()).allMatch(NodeRecord::operational);

        Cli.Run pending = project.run("up", "dev", "--pending");
        assertThat(pending.exit()).as(pending.err()).isZero();
    }

    @Test
    void failingBeforeHookAbortsAndAfterHookSeesTheResult() throws Exception {
        project.writeEnvironment("dev", "extends: base\nhooks: {before_up: [\"echo not tagged >&2; exit 5\"]}\n");

        Cli.Run refused = project.run("up", "dev");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("not tagged", "hook before_up of dev failed (exit 5)");
        assertThat(project.state("dev").version()).isZero();

        project.writeEnvironment("dev", "extends: base\nhooks: {before_up: [\"echo $NECKBEARD_ENV $NECKBEARD_GENERATION "
                + "$NECKBEARD_COMMAND > before.txt\"], after_up: [\"echo $NECKBEARD_RESULT > after.txt\"]}\n");
        Cli.Run up = project.run("up", "dev");

        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(Files.readString(project.root().resolve("before.txt")).trim()).isEqualTo("dev 1 up");
        assertThat(Files.readString(project.root().resolve("after.txt")).trim()).isEqualTo("ok");
    }

    @Test
    void upRelaunchesANodeWhoseResourceVanished() throws Exception {
        assertThat(project.run("up", "dev").exit()).isZero();
        NodeRecord lost = project.state("dev").active().orElseThrow().nodes().get(0);
        // every process of the node, its supervisor too (it would restart the app into the deleted tree)
        EngineProject.processes(EngineProject.nodeDir(lost)).forEach(ProcessHandle::destroyForcibly);
        deleteTree(EngineProject.nodeDir(lost));

        Cli.Run plan = project.run("plan", "dev");
        Cli.Run up = project.run("up", "dev");

        assertThat(plan.out()).containsPattern(lost.name() + " .*launch, provision, register +its resource .* vanished");
        assertThat(up.exit()).as(up.err()).isZero();
        NodeRecord relaunched = project.state("dev").active().orElseThrow().nodes().stream()
                .filter(n -> n.name().equals(lost.name())).findFirst().orElseThrow();
        assertThat(relaunched.operational()).isTrue();
        assertThat(EngineProject.body(relaunched)).contains("node=" + lost.name(), "generation=1");
    }

    @Test
    void upAfterScalingDownRetiresTheNodesNoLongerDesired() throws Exception {
        project.writeEnvironment("dev", "extends: base\nnodes: {web: {count: 4, min_per_az: 1}}\n");
        assertThat(project.run("up", "dev").exit()).isZero();
        Generation four = project.state("dev").active().orElseThrow();
        List<ProcessHandle> retired = four.nodes().stream().filter(n -> n.name().equals("web-3") || n.name().equals("web-4"))
                .flatMap(n -> EngineProject.appProcesses(EngineProject.nodeDir(n)).stream()).toList();
        assertThat(project.run("scale", "dev", "web=2").exit()).isZero();

        Cli.Run up = project.run("up", "dev");

        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.out()).containsPattern("web-3 .*retire +ok").containsPattern("web-4 .*retire +ok")
                .contains("up dev: generation 1 ok (2 nodes, 2 retired)");
        assertThat(project.state("dev").active().orElseThrow().nodes()).extracting(NodeRecord::name)
                .containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(retired).hasSize(2).noneMatch(Processes::running);
    }

    @Test
    void pendingNodesAreSeededFromTheSameNodeOfTheActiveGeneration() throws Exception {
        assertThat(project.run("up", "dev").exit()).isZero();
        NodeRecord active = project.state("dev").active().orElseThrow().nodes().get(0);
        Path data = EngineProject.nodeDir(active).resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("db.sqlite"), "rows of " + active.name());

        assertThat(project.run("up", "dev", "--pending").exit()).isZero();

        NodeRecord seeded = project.state("dev").pending().orElseThrow().nodes().stream()
                .filter(n -> n.name().equals(active.name())).findFirst().orElseThrow();
        assertThat(EngineProject.nodeDir(seeded)).isNotEqualTo(EngineProject.nodeDir(active));
        assertThat(EngineProject.nodeDir(seeded).resolve("data/db.sqlite")).hasContent("rows of " + active.name());
    }

    @Test
    void terminateDryRunListsTheNodesAndChangesNothing() {
        assertThat(project.run("up", "dev").exit()).isZero();
        long version = project.state("dev").version();

        Cli.Run terminate = project.run("terminate", "dev", "--all", "--force", "--dry-run", "-o", "json");

        assertThat(terminate.exit()).as(terminate.err()).isZero();
        JsonNode result = terminate.json();
        assertThat(result.get("result").asText()).isEqualTo("dry-run");
        assertThat(result.get("nodes")).hasSize(2).allSatisfy(n -> assertThat(n.get("result").asText()).isEqualTo("planned"));
        assertThat(project.state("dev").version()).isEqualTo(version);
        assertThat(project.state("dev").active().orElseThrow().nodes()).allSatisfy(n -> assertThat(EngineProject.body(n)).isNotNull());
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
