package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code restart} on real local nodes: new processes everywhere, never below the per-AZ floor. */
class RestartTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void restartGivesEveryNodeANewProcessKeepsEachAzAtItsFloorAndIsAudited() throws Exception {
        project.writeEnvironment("roll", "extends: base\nnodes: {web: {count: 4, min_per_az: 1}}\n");
        Cli.Run up = project.run("up", "roll");
        assertThat(up.exit()).as(up.err()).isZero();
        Map<String, Long> before = pids("roll");
        assertThat(before).hasSize(4);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger samples = new AtomicInteger();
        Map<String, Integer> minOperational = new ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                Map<String, Integer> operational = new HashMap<>(Map.of("local-a", 0, "local-b", 0));
                project.state("roll").active().orElseThrow().nodes().stream().filter(NodeRecord::operational)
                        .forEach(node -> operational.merge(node.az(), 1, Integer::sum));
                operational.forEach((az, count) -> minOperational.merge(az, count, Math::min));
                samples.incrementAndGet();
            }
        });
        sampler.start();
        Cli.Run restart;
        try {
            restart = project.run("restart", "roll");
        } finally {
            stop.set(true);
            sampler.join();
        }

        assertThat(restart.exit()).as(restart.err()).isZero();
        assertThat(restart.out()).containsPattern("web-1 .* ok +restarted web");
        Map<String, Long> after = pids("roll");
        assertThat(after).hasSize(4).allSatisfy((node, pid) -> assertThat(pid).as(node).isNotEqualTo(before.get(node)));
        assertThat(samples.get()).isGreaterThan(3);
        assertThat(minOperational).allSatisfy((az, min) -> assertThat(min).as("operational in %s", az).isGreaterThanOrEqualTo(1));
        assertThat(project.state("roll").active().orElseThrow().nodes()).allMatch(NodeRecord::operational);
        assertThat(project.run("history", "roll", "--limit", "1").out()).contains("restart roll").contains("ok");
    }

    @Test
    void restartIsRefusedWithExitFourWhenNoServingNodeCanLeaveAndTouchesNothing() {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
        Map<String, Long> before = pids("dev");

        Cli.Run restart = project.run("restart", "dev");

        assertThat(restart.exit()).isEqualTo(4);
        assertThat(restart.err()).contains("refusing a rolling restart of dev").contains("min_per_az=1");
        assertThat(pids("dev")).isEqualTo(before);
        assertThat(project.run("history", "dev", "--limit", "1").out()).contains("restart dev").contains("refused");
    }

    @Test
    void anUnknownProcessFailsTheNodeBeforeItLeavesService() throws Exception {
        project.writeEnvironment("roll", "extends: base\nnodes: {web: {count: 4, min_per_az: 1}}\n");
        Cli.Run up = project.run("up", "roll");
        assertThat(up.exit()).as(up.err()).isZero();

        Cli.Run restart = project.run("restart", "roll", "--process", "worker", "--parallel", "1");

        assertThat(restart.exit()).isEqualTo(1);
        assertThat(restart.out()).contains("no process worker in the node's Procfile");
        assertThat(project.state("roll").active().orElseThrow().nodes()).allMatch(NodeRecord::operational);
    }

    private Map<String, Long> pids(String environment) {
        Cli.Run ps = project.run("-o", "json", "ps", environment);
        assertThat(ps.exit()).as(ps.err()).isZero();
        Map<String, Long> pids = new HashMap<>();
        for (JsonNode node : ps.json().get("nodes")) {
            assertThat(node.at("/processes/0/state").asText()).isEqualTo("running");
            pids.put(node.get("node").asText(), node.at("/processes/0/pid").asLong());
        }
        return pids;
    }
}
