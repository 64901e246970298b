package io.neckbeard.engine;

import io.neckbeard.health.HealthResult;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code status} without {@code --cached}: one health observation of every node of the
 * generations that run (all but terminated ones), all nodes at once, each bounded by
 * {@link #TIMEOUT}. Writes nothing: the recorded health stays what the last deploy saw.
 */
public final class LiveHealth implements StatusService.LiveHealth {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DeployContext context;

    public LiveHealth(DeployContext context) {
        this.context = context;
    }

    @Override
    public Map<Long, Map<String, NodeHealth>> check(EnvironmentState state) {
        Map<Long, Map<String, CompletableFuture<HealthResult>>> running = new LinkedHashMap<>();
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "neckbeard-status");
            thread.setDaemon(true); // a node that never answers must not keep the command alive
            return thread;
        });
        try {
            NodeHealthCheck checks = new NodeHealthCheck(context, state);
            List<Generation> live = state.generations().stream().filter(g -> g.state() != GenerationState.TERMINATED).toList();
            RefreshedResources resources = new RefreshedResources(context);
            // one batched refresh per provider, inside the deadline; should it fail, each node's check refreshes its own
            CompletableFuture<Void> refreshed = CompletableFuture.runAsync(
                    () -> resources.refreshAll(live.stream().flatMap(g -> g.nodes().stream()).toList()), executor)
                    .exceptionally(failed -> null);
            for (Generation generation : live) {
                Map<String, CompletableFuture<HealthResult>> nodes = new LinkedHashMap<>();
                for (NodeRecord record : generation.nodes()) {
                    nodes.put(record.name(), refreshed.thenApplyAsync(done -> checks.check(record, generation.id(), resources),
                            executor));
                }
                running.put(generation.id(), nodes);
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Map<Long, Map<String, NodeHealth>> health = new HashMap<>();
            running.forEach((generation, nodes) -> {
                Map<String, NodeHealth> observed = new HashMap<>();
                nodes.forEach((node, future) -> observed.put(node, await(future, deadline)));
                health.put(generation, observed);
            });
            return health;
        } finally {
            executor.shutdownNow();
        }
    }

    private static NodeHealth await(CompletableFuture<HealthResult> future, long deadline) {
        try {
            HealthResult result = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new NodeHealth(result.healthy(), Instant.now(), result.detail());
        } catch (TimeoutException e) {
            return new NodeHealth(false, Instant.now(), "no answer within " + TIMEOUT.toSeconds() + "s");
        } catch (ExecutionException e) {
            return new NodeHealth(false, Instant.now(), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NodeHealth(false, Instant.now(), "interrupted");
        }
    }
}
