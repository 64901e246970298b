package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The work queue with real threads: nodes start as soon as a slot and the floor allow, never breaking the floor. */
class RolloutTest {
    /** Three serving nodes in one AZ. */
    private static final List<NodePlan> THREE_SERVING = List.of(serving("web-1", "az-a"), serving("web-2", "az-a"), serving("web-3", "az-a"));

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
        AtomicReference<Thread> web1Thread = new AtomicReference<>();
        List<String> finished = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> new Rollout(EngineFixture.SILENT).run(nodes, new FloorGate(Map.of(), Map.of()), 2,
                node -> {
                    if (node.name().equals("web-1")) {
                        web1Thread.set(Thread.currentThread());
                        throw new NullPointerException("a bug");
                    }
                    awaitBackInPool(web1Thread);
                    synchronized (finished) {
                        finished.add(node.name());
                    }
                    return ok(node);
                }));

        assertThat(thrown).isInstanceOf(NullPointerException.class).hasMessage("a bug");
        assertThat(finished).containsExactly("web-2");
    }

    /**
     * Waits until web-1's worker thread has thrown and gone back to wait for work: its failure is
     * then queued before this node's result, so the rollout sees the bug before a slot frees up.
     */
    private static void awaitBackInPool(AtomicReference<Thread> worker) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (worker.get() == null || worker.get().getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("web-1 never ran or never finished while web-2 was being worked on");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aWaitingNodeIsConnectedToWhileTheNodeBeforeItIsWorkedOnAndStartsWithThatConnection() throws Exception {
        // floor 1 of 2 serving: web-2 can start only once web-1 is back, but is connected to before
        List<NodePlan> nodes = List.of(serving("web-1", "az-a"), serving("web-2", "az-a"));
        FloorGate gate = new FloorGate(Map.of("app", 1), Map.of(new Placement("app", "az-a"), 2));
        CountDownLatch web2Connected = new CountDownLatch(1);
        Map<String, FakeTransport> connected = new ConcurrentHashMap<>();
        Map<String, Transport> workedWith = new ConcurrentHashMap<>();

        List<NodeOutcome> outcomes = new Rollout(EngineFixture.SILENT).run(nodes, gate, 10, type -> Set.of(), new Job() {
            @Override
            public Transport prepare(NodePlan node) {
                FakeTransport transport = new FakeTransport();
                connected.put(node.name(), transport);
                if (node.name().equals("web-2")) {
                    web2Connected.countDown();
                }
                return transport;
            }

            @Override
            public NodeOutcome run(NodePlan node, Transport prepared) {
                if (node.name().equals("web-1")) {
                    await(web2Connected, "web-2 connected to while web-1 was still out of service");
                }
                workedWith.put(node.name(), prepared);
                return ok(node);
            }
        });

        assertThat(outcomes).extracting(NodeOutcome::result).containsOnly("ok");
        assertThat(workedWith).containsEntry("web-1", connected.get("web-1")).containsEntry("web-2", connected.get("web-2"));
    }

    @Test
    void aWaitingNodeThatCannotBeConnectedToFailsUntouchedAndStopsTheRollout() {
        // one out at a time: web-2 and web-3 wait while web-1 is worked on, and web-2 cannot be reached
        CountDownLatch web2Failed = new CountDownLatch(1);
        List<String> worked = new CopyOnWriteArrayList<>();

        List<NodeOutcome> outcomes = new Rollout(EngineFixture.SILENT).run(THREE_SERVING, oneOfThreeOutAtATime(), 10, type -> Set.of(), new Job() {
            @Override
            public Transport prepare(NodePlan node) {
                if (node.name().equals("web-2")) {
                    web2Failed.countDown();
                    throw new NeckbeardException(ExitCode.FAILED, "cannot connect to web-2", null);
                }
                return new FakeTransport();
            }

            @Override
            public NodeOutcome run(NodePlan node, Transport prepared) {
                await(web2Failed, "web-2 connected to while web-1 was worked on");
                worked.add(node.name());
                return ok(node);
            }

            @Override
            public NodeOutcome failedPreparation(NodePlan node, RuntimeException failure) {
                return new NodeOutcome(node.name(), node.type(), node.az(), node.describeActions(), "failed",
                        "connect: " + failure.getMessage());
            }
        });

        assertThat(worked).containsExactly("web-1");
        assertThat(outcomes).extracting(NodeOutcome::result).containsExactly("ok", "failed", "skipped");
        assertThat(outcomes.get(1).detail()).isEqualTo("connect: cannot connect to web-2");
    }

    @Test
    void connectionsToNodesThatNeverStartAreClosedWhenTheRolloutStops() {
        CountDownLatch othersConnected = new CountDownLatch(2);
        List<FakeTransport> connections = new CopyOnWriteArrayList<>();

        List<NodeOutcome> outcomes = new Rollout(EngineFixture.SILENT).run(THREE_SERVING, oneOfThreeOutAtATime(), 10, type -> Set.of(), new Job() {
            @Override
            public Transport prepare(NodePlan node) {
                FakeTransport transport = new FakeTransport();
                connections.add(transport);
                if (!node.name().equals("web-1")) {
                    othersConnected.countDown();
                }
                return transport;
            }

            @Override
            public NodeOutcome run(NodePlan node, Transport prepared) {
                await(othersConnected, "web-2 and web-3 connected to while web-1 was worked on");
                prepared.close(); // the work closes its own connection
                return outcome(node, "failed");
            }
        });

        assertThat(outcomes).extracting(NodeOutcome::result).containsExactly("failed", "skipped", "skipped");
        assertThat(connections).hasSize(3).allMatch(FakeTransport::closed);
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

    /** A node job whose preparation the test decides; a failed preparation is a bug unless the test says otherwise. */
    private abstract static class Job implements NodeJob {
        @Override
        public NodeOutcome failedPreparation(NodePlan node, RuntimeException failure) {
            throw new AssertionError("unexpected failure to connect to " + node.name(), failure);
        }
    }

    /** A connection that only knows whether it was closed. */
    private static final class FakeTransport implements Transport {
        private volatile boolean closed;

        boolean closed() {
            return closed;
        }

        @Override
        public CommandResult run(String command, Map<String, String> environment, Duration timeout, Consumer<String> output) {
            throw new UnsupportedOperationException("no command runs in a rollout test");
        }

        @Override
        public void upload(Path local, String remotePath) {
            throw new UnsupportedOperationException("no copy in a rollout test");
        }

        @Override
        public void write(String remotePath, byte[] content, int mode) {
            throw new UnsupportedOperationException("no copy in a rollout test");
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A gate for {@link #THREE_SERVING} whose floor is 2: one node out at a time, the next ones wait (a gate counts: one per test). */
    private static FloorGate oneOfThreeOutAtATime() {
        return new FloorGate(Map.of("app", 2), Map.of(new Placement("app", "az-a"), 3));
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
