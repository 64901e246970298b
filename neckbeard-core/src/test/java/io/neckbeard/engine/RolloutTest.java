package io.neckbeard.engine;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The work queue with real threads: nodes start as soon as a slot and the floor allow, never breaking the floor. */
class RolloutTest {
    private static final AtomicLong SEEDS = new AtomicLong(20241125L);

    @Test
    void aServingNodeStartsAsSoonAsAnotherOfItsAzIsBackNotAtTheEndOfAWave() throws Exception {
        // floor 2 of 3 serving: one out at a time. web-1 is slow, web-2 quick: web-3 must not wait for web-1.
        List<NodePlan> nodes = List.of(serving("web-1", "az-a"), serving("web-2", "az-b"), serving("web-3", "az-b"));
        CountDownLatch web3Started = new CountDownLatch(1);
        FloorGate gate = new FloorGate(Map.of("app", 2), Map.of(new Placement("app", "az-a"), 3, new Placement("app", "az-b"), 3));

        List<NodeOutcome> outcomes = new Rollout(EngineFixture.SILENT).run(nodes, gate, 10, node -> {
            if (node.name().equals("web-1")) {
                await(web3Started, "web-3 started while web-1 was still being worked on");
            }
            if (node.name().equals("web-3")) {
                web3Started.countDown();
            }
            return ok(node);
        });

        assertThat(outcomes).extracting(NodeOutcome::name).containsExactly("web-1", "web-2", "web-3");
        assertThat(outcomes).extracting(NodeOutcome::result).containsOnly("ok");
    }

    @Test
    void aFailureLetsRunningNodesFinishAndSkipsTheOthers() {
        List<NodePlan> nodes = List.of(fresh("web-1", "az-a"), fresh("web-2", "az-a"), fresh("web-3", "az-a"));
        FloorGate gate = new FloorGate(Map.of(), Map.of());

        List<NodeOutcome> outcomes = new Rollout(EngineFixture.SILENT).run(nodes, gate, 1,
                node -> node.name().equals("web-1") ? outcome(node, "failed") : ok(node));

        assertThat(outcomes).extracting(NodeOutcome::result).containsExactly("failed", "skipped", "skipped");
        assertThat(outcomes.get(1).detail()).contains("stopped after a failure");
    }

    @Test
    void aBugInANodesWorkLetsTheNodeInFlightFinishThenIsThrown() {
        // web-1 throws while web-2 is still being worked on; web-3 never starts
        List<NodePlan> nodes = List.of(fresh("web-1", "az-a"), fresh("web-2", "az-a"), fresh("web-3", "az-a"));
        CountDownLatch web1Threw = new CountDownLatch(1);
        List<String> finished = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> new Rollout(EngineFixture.SILENT).run(nodes, new FloorGate(Map.of(), Map.of()), 2,
                node -> {
                    if (node.name().equals("web-1")) {
                        web1Threw.countDown();
                        throw new NullPointerException("a bug");
                    }
                    await(web1Threw, "web-1 ran while web-2 was being worked on");
                    synchronized (finished) {
                        finished.add(node.name());
                    }
                    return ok(node);
                }));

        assertThat(thrown).isInstanceOf(NullPointerException.class).hasMessage("a bug");
        assertThat(finished).containsExactly("web-2");
    }

    @RepeatedTest(30)
    void neverBreaksAFloorNorExceedsParallel() {
        Random random = new Random(SEEDS.getAndIncrement());
        Map<String, Integer> floors = Map.of("app", random.nextInt(4));
        List<NodePlan> nodes = new ArrayList<>();
        Map<Placement, Integer> operational = new HashMap<>();
        for (String az : List.of("az-a", "az-b", "az-c").subList(0, 1 + random.nextInt(3))) {
            int serving = floors.get("app") + 1 + random.nextInt(5);
            operational.put(new Placement("app", az), serving);
            for (int i = 0; i < serving; i++) {
                nodes.add(serving(az + "-s" + i, az));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                nodes.add(fresh(az + "-f" + i, az));
            }
        }
        int parallel = 1 + random.nextInt(8);
        List<NodePlan> ordered = new WaveScheduler("prod", floors, parallel)
                .schedule(nodes.stream().map(NodePlan::workItem).toList(), operational).stream().flatMap(List::stream)
                .map(item -> nodes.stream().filter(n -> n.name().equals(item.node())).findFirst().orElseThrow()).toList();
        Map<Placement, Integer> observed = new HashMap<>(operational);
        int[] inFlight = {0, 0};
        Object monitor = new Object();

        List<NodeOutcome> outcomes = new Rollout(EngineFixture.SILENT).run(ordered, new FloorGate(floors, operational), parallel, node -> {
            synchronized (monitor) {
                inFlight[0]++;
                inFlight[1] = Math.max(inFlight[1], inFlight[0]);
                if (node.serving()) {
                    int left = observed.merge(node.placement(), -1, Integer::sum);
                    assertThat(left).as("%s operational while %s is out", node.placement(), node.name())
                            .isGreaterThanOrEqualTo(floors.get("app"));
                }
            }
            sleep(random.nextInt(15));
            synchronized (monitor) {
                inFlight[0]--;
                observed.merge(node.placement(), 1, Integer::sum);
            }
            return ok(node);
        });

        assertThat(outcomes).extracting(NodeOutcome::result).containsOnly("ok").hasSize(nodes.size());
        assertThat(inFlight[1]).isBetween(1, parallel);
    }

    private static NodePlan serving(String name, String az) {
        NodeRecord record = new NodeRecord(name, "app", az, "local", "r-" + name, "127.0.0.1", Instant.EPOCH, null, null, null,
                true, Map.of());
        Resource resource = new Resource("r-" + name, "local", "127.0.0.1", ResourceState.RUNNING, Map.of(), Map.of());
        return new NodePlan(name, "app", az, null, record, resource, null,
                List.of(Action.TAKE_OUT, Action.PROVISION, Action.PUT_BACK), "slug changed");
    }

    private static NodePlan fresh(String name, String az) {
        return new NodePlan(name, "app", az, null, null, null, null, List.of(Action.LAUNCH, Action.PROVISION, Action.REGISTER),
                "new node");
    }

    private static NodeOutcome ok(NodePlan node) {
        return outcome(node, "ok");
    }

    private static NodeOutcome outcome(NodePlan node, String result) {
        return new NodeOutcome(node.name(), node.type(), node.az(), node.describeActions(), result, "");
    }

    private static void await(CountDownLatch latch, String expected) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).as(expected).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
