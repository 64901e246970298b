package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs waves one after another, the nodes of a wave in parallel. A failed node stops the
 * rollout: the in-flight nodes of its wave finish, later waves never start (their nodes are
 * reported {@code skipped}), so the active generation stays at or above its floor.
 */
final class Rollout {
    private final Progress progress;

    Rollout(Progress progress) {
        this.progress = progress;
    }

    List<NodeOutcome> run(List<List<NodePlan>> waves, Function<NodePlan, NodeOutcome> work) {
        List<NodeOutcome> outcomes = new ArrayList<>();
        int threads = waves.stream().mapToInt(List::size).max().orElse(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "neckbeard-node");
            thread.setDaemon(true);
            return thread;
        });
        try {
            boolean failed = false;
            for (int i = 0; i < waves.size(); i++) {
                List<NodePlan> wave = waves.get(i);
                if (failed) {
                    wave.forEach(node -> outcomes.add(skipped(node)));
                    continue;
                }
                progress.message("wave " + (i + 1) + "/" + waves.size() + ": "
                        + String.join(", ", wave.stream().map(NodePlan::name).toList()));
                List<Future<NodeOutcome>> running = new ArrayList<>();
                for (NodePlan node : wave) {
                    running.add(executor.submit(() -> work.apply(node)));
                }
                for (Future<NodeOutcome> future : running) {
                    NodeOutcome outcome = await(future);
                    failed |= outcome.failed();
                    outcomes.add(outcome);
                }
            }
        } finally {
            executor.shutdownNow();
        }
        return outcomes;
    }

    private NodeOutcome skipped(NodePlan node) {
        NodeOutcome outcome = new NodeOutcome(node.name(), node.type(), node.az(), node.describeActions(), "skipped",
                "not started: the rollout stopped after a failure");
        progress.finished(outcome);
        return outcome;
    }

    private static NodeOutcome await(Future<NodeOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while nodes were being worked on",
                    "re-run the command: it resumes where this one stopped", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a node's work failed unexpectedly", e.getCause());
        }
    }
}
