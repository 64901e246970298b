package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.JarProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Six real {@code neckbeard up} processes on one environment at once: one deploys, five are turned away. */
class ConcurrentUpIT {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @BeforeEach
    void copyProject() throws Exception {
        // Slow provisioning keeps the winner holding the lock while the others start.
        project.writeEnvironment("dev", "extends: base\nnode_params: {web: {provision: {sleep: \"4\"}}}\n");
    }

    @Test
    void exactlyOneProceedsAndTheOthersExitThreeNamingTheHolder() throws Exception {
        List<JarProcess> processes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            processes.add(JarProcess.start(project.root(), project.logs(), "up-" + i, "up", "dev"));
        }
        List<Integer> exits = new ArrayList<>();
        for (JarProcess process : processes) {
            exits.add(process.await());
        }

        assertThat(exits).containsOnly(0, 3);
        assertThat(exits.stream().filter(e -> e == 0)).as("winners").hasSize(1);
        for (int i = 0; i < processes.size(); i++) {
            if (exits.get(i) == 3) {
                assertThat(processes.get(i).err()).contains("dev is locked by", "running 'up'");
            }
        }
        assertThat(project.state("dev").active().orElseThrow().nodes()).hasSize(2);
        assertThat(EngineProject.appProcesses(project.root())).hasSize(2);
    }
}
