package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kill -9} of a real {@code up --pending} half-way, then a re-run: it converges without duplicates. */
class KilledPendingUpIT {
    private static final String CRASH = "extends: base\nnodes: {web: {count: 4, min_per_az: 1}}\n";

    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void rerunAfterKillNineConvergesWithOneResourceAndOneProcessPerNode() throws Exception {
        project.writeEnvironment("crash", CRASH);
        assertThat(project.run("up", "crash").exit()).isZero();
        project.writeEnvironment("crash", CRASH + "node_params: {web: {provision: {sleep: \"3\"}}}\n");

        JarProcess first = JarProcess.start(project.root(), project.logs(), "pending-1", "up", "crash", "--pending");
        Path generationDirs = project.root().resolve(".neckbeard/local/crash");
        first.awaitWhileRunning("the first run has launched 4 nodes and recorded 2", () -> launched(generationDirs) >= 4
                && project.state("crash").pending().map(g -> g.nodes().size()).orElse(0) >= 2);
        first.kill();

        Cli.Run release = project.run("lock", "release", "crash", "--force");
        assertThat(release.exit()).as(release.err()).isZero();
        JarProcess second = JarProcess.start(project.root(), project.logs(), "pending-2", "up", "crash", "--pending");
        assertThat(second.await()).as(second.err()).isZero();

        Generation pending = project.state("crash").pending().orElseThrow();
        assertThat(pending.id()).isEqualTo(2);
        assertThat(pending.nodes()).extracting(NodeRecord::name).containsExactlyInAnyOrder("web-1", "web-2", "web-3", "web-4");
        assertThat(pending.nodes()).allSatisfy(node -> {
            assertThat(node.provisionedSlug()).isNotNull();
            assertThat(EngineProject.body(node)).contains("generation=2");
        });
        assertThat(launched(generationDirs)).as("node directories of generation 2").isEqualTo(4);
        assertThat(EngineProject.appProcesses(pending)).hasSize(4);
        assertThat(EngineProject.appProcesses(project.root())).as("app processes of both generations").hasSize(8);
    }

    private static long launched(Path dirs) throws Exception {
        if (!Files.isDirectory(dirs)) {
            return 0;
        }
        try (Stream<Path> nodes = Files.list(dirs)) {
            return nodes.filter(d -> d.getFileName().toString().startsWith("g2-")).count();
        }
    }
}
