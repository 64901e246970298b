package io.neckbeard.engine;

import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.hooks.Hooks;
import io.neckbeard.provider.Resource;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * {@code terminate ENV (--generation N | --old | --all) [--force]}: deregisters, stops and
 * terminates every node of the selected generations and marks them {@code terminated} (the
 * records are kept for the history). The active generation, and a pending one that was built,
 * need {@code --force}; a pending generation whose build failed does not.
 */
public final class TerminateService {
    private final DeployContext context;
    private final Progress progress;

    public TerminateService(DeployContext context, Progress progress) {
        this.context = context;
        this.progress = progress;
    }

    /** {@code --dry-run}: what would be terminated (with the same refusal); reads only. */
    public DeployResult preview(TerminateSelection selection, boolean force) {
        List<Generation> chosen = chosen(context.coordinator().read(context.name()), selection, force);
        List<NodeOutcome> nodes = new ArrayList<>();
        chosen.forEach(g -> g.nodes().forEach(n -> nodes.add(outcome(n, g, "planned"))));
        return new DeployResult(context.name(), newest(chosen), "dry-run", nodes).acting(idList(chosen));
    }

    /**
     * @param confirm asks the operator (throws when not confirmed)
     * @throws NeckbeardException exit 4 when the active or a built pending generation is selected without {@code force}
     */
    public DeployResult terminate(TerminateSelection selection, boolean force, Confirmation confirm, List<String> arguments) {
        return context.coordinator().refusalsAudited(context.name(), "terminate", arguments,
                () -> terminateChosen(selection, force, confirm, arguments));
    }

    private DeployResult terminateChosen(TerminateSelection selection, boolean force, Confirmation confirm,
                                         List<String> arguments) {
        List<Generation> announced = chosen(context.coordinator().read(context.name()), selection, force);
        if (announced.isEmpty()) {
            progress.message("nothing to terminate in " + context.name() + " (" + selection.describe() + ")");
            return new DeployResult(context.name(), 0, "ok", List.of());
        }
        requireOwned(announced);
        int nodes = announced.stream().mapToInt(g -> g.nodes().size()).sum();
        confirm.confirm("Terminate generation " + ids(announced) + " of " + context.name() + " (" + nodes
                + " nodes)? Their resources are destroyed.", "terminate would destroy " + nodes + " nodes (generation "
                + ids(announced) + " of " + context.name() + ")");
        Hooks hooks = context.hooks(progress::message);
        hooks.before("terminate", newest(announced));
        String result = "failed";
        try (EnvironmentSession session = context.coordinator().session(context.name(), "terminate", arguments)) {
            session.result(result);
            List<Generation> chosen = chosen(session.state(), selection, force);
            session.generation(newest(chosen));
            progress.planned(chosen.stream().map(g -> g.nodes().size()).toList()); // a generation at a time
            List<NodeOutcome> outcomes = new ArrayList<>();
            for (Generation generation : chosen) {
                outcomes.addAll(terminate(session, generation));
            }
            DeployResult terminated = DeployResult.of(context.name(), newest(chosen), outcomes).acting(idList(chosen));
            result = terminated.result();
            session.result(result);
            return terminated;
        } finally {
            hooks.after("terminate", newest(announced), result);
        }
    }

    private List<NodeOutcome> terminate(EnvironmentSession session, Generation generation) {
        NodeTerminator terminator = new NodeTerminator(context, session.state().scale(), progress);
        List<NodeOutcome> outcomes = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, generation.nodes().size()), runnable -> {
            Thread thread = new Thread(runnable, "neckbeard-terminate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<NodeOutcome>> running = new ArrayList<>();
            for (NodeRecord record : generation.nodes()) {
                running.add(executor.submit(() -> {
                    try {
                        terminator.deregister(record);
                        terminator.terminate(record, generation.id());
                        return finished(outcome(record, generation, "ok"));
                    } catch (RuntimeException e) {
                        return finished(new NodeOutcome(record.name(), record.type(), record.az(), "terminate", "failed",
                                "generation " + generation.id() + ": " + Failures.describe(e)));
                    }
                }));
            }
            for (Future<NodeOutcome> future : running) {
                outcomes.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while terminating generation " + generation.id(),
                    "re-run the command to finish", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("terminating a node failed unexpectedly", e.getCause());
        } finally {
            executor.shutdownNow();
        }
        if (outcomes.stream().noneMatch(NodeOutcome::failed)) {
            session.update(state -> state.withGeneration(
                    EnvironmentState.withState(state.generation(generation.id()).orElseThrow(), GenerationState.TERMINATED)));
        }
        return outcomes;
    }

    private List<Generation> chosen(EnvironmentState state, TerminateSelection selection, boolean force) {
        if (selection.generation() != null && state.generation(selection.generation()).isEmpty()) {
            throw new NeckbeardException(ExitCode.USAGE, context.name() + " has no generation " + selection.generation(),
                    "see the generations with: neckbeard status " + context.name());
        }
        List<Generation> chosen = selection.select(state);
        List<Generation> live = chosen.stream()
                .filter(g -> g.state() == GenerationState.ACTIVE || (g.state() == GenerationState.PENDING && built(g))).toList();
        if (!force && !live.isEmpty()) {
            throw new NeckbeardException(ExitCode.REFUSED, "refusing to terminate " + live.stream()
                    .map(g -> "the " + g.state().id() + " generation " + g.id()).collect(Collectors.joining(" and "))
                    + " of " + context.name() + " without --force", "add --force if you really mean to destroy it");
        }
        return chosen;
    }

    /** Refuses (exit 4, before anything is touched) when a node's resource belongs to another environment by its tags. */
    private void requireOwned(List<Generation> generations) {
        for (Generation generation : generations) {
            for (NodeRecord record : generation.nodes()) {
                if (record.resourceId() != null) {
                    Resource resource = context.provider(record.provider()).refresh(NodeRecords.resource(record));
                    NodeRecords.requireOwned(context, record.name(), resource);
                }
            }
        }
    }

    /**
     * Whether a pending generation was built: its last {@code up --pending} finished and recorded
     * the slug, and every node runs it. One that failed (or was interrupted) never served and is
     * not ready to promote, so terminating it needs no {@code --force}.
     */
    private static boolean built(Generation pending) {
        return pending.slug() != null && !pending.nodes().isEmpty()
                && pending.nodes().stream().allMatch(n -> pending.slug().equals(n.provisionedSlug()));
    }

    private NodeOutcome finished(NodeOutcome outcome) {
        progress.finished(outcome);
        return outcome;
    }

    private static NodeOutcome outcome(NodeRecord record, Generation generation, String result) {
        return new NodeOutcome(record.name(), record.type(), record.az(), "terminate", result,
                "generation " + generation.id() + " (" + generation.state().id() + ")");
    }

    private static long newest(List<Generation> generations) {
        return generations.stream().mapToLong(Generation::id).max().orElse(0);
    }

    private static String ids(List<Generation> generations) {
        return generations.stream().map(g -> Long.toString(g.id())).collect(Collectors.joining(", "));
    }

    private static List<Long> idList(List<Generation> generations) {
        return generations.stream().map(Generation::id).toList();
    }
}
