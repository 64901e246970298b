package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provisioner setting that cannot work (here a script that does not exist) stops {@code up},
 * {@code up --pending} and {@code plan} at loading, with exit 2: no node is launched or taken out
 * of service, and the coordinator's files are not touched. Commands that never provision go on.
 */
class MissingScriptRefusedTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void upPendingUpAndPlanRefuseWithExitTwoAndTouchNothingWhileCommandsThatNeverProvisionGoOn() throws Exception {
        Cli.Run first = project.run("up", "dev");
        assertThat(first.exit()).as(first.err()).isZero();
        Generation active = project.state("dev").active().orElseThrow();
        Map<String, byte[]> state = files(project.root().resolve(".neckbeard/state"));
        List<Path> nodeDirs = list(project.root().resolve(".neckbeard/local"));
        Path config = project.root().resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config)
                .replace("scripts: [neckbeard/provision.sh]", "scripts: [neckbeard/missing.sh]"));

        for (List<String> command : List.of(List.of("up", "dev"), List.of("up", "dev", "--pending"), List.of("plan", "dev"))) {
            Cli.Run refused = project.run(command.toArray(String[]::new));

            assertThat(refused.exit()).as(String.join(" ", command) + ": " + refused.err()).isEqualTo(2);
            assertThat(refused.err()).contains("config.yml:5:", "provisioner.scripts names 'neckbeard/missing.sh'",
                    "(at provisioner.scripts[0])", "fix: create " + project.root().resolve("neckbeard/missing.sh"));
            assertThat(refused.err()).doesNotContain("Exception");
        }

        assertThat(files(project.root().resolve(".neckbeard/state"))).as("the coordinator's files")
                .containsOnlyKeys(state.keySet()).allSatisfy((file, bytes) -> assertThat(bytes).isEqualTo(state.get(file)));
        assertThat(list(project.root().resolve(".neckbeard/local"))).isEqualTo(nodeDirs);
        for (NodeRecord node : active.nodes()) {
            assertThat(EngineProject.body(node)).as("%s still serves", node.name()).contains("node=" + node.name());
        }

        // Commands that never provision still work, so the missing file cannot block an incident's rollback.
        for (List<String> command : List.of(List.of("status", "dev"), List.of("run", "dev", "--", "true"),
                List.of("ssh", "dev", "web-1", "--print"))) {
            Cli.Run works = project.run(command.toArray(String[]::new));

            assertThat(works.err()).as(String.join(" ", command)).doesNotContain("missing.sh");
        }
        assertThat(project.run("status", "dev").exit()).isZero();
        assertThat(project.run("run", "dev", "--", "true").exit()).isZero();
    }

    private static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
