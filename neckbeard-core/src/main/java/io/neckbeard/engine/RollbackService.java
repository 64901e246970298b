package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeRecord;

import java.util.Comparator;
import java.util.List;

/**
 * {@code rollback ENV [--to N]}: a promote of an old generation whose resources still run (the
 * newest such one, or generation N), with the same health gate and load balancer switch.
 */
public final class RollbackService {
    private final DeployContext context;
    private final Progress progress;

    public RollbackService(DeployContext context, Progress progress) {
        this.context = context;
        this.progress = progress;
    }

    /** {@code --dry-run}: which generation would become active, and what changes; reads only. */
    public DeployResult preview(Long to) {
        EnvironmentState state = context.coordinator().read(context.name());
        Generation target = target(state, to, new RefreshedResources(context));
        return new DeployResult(context.name(), target.id(), "dry-run",
                new GenerationSwitch(context, progress).preview(state, target));
    }

    /**
     * @param to the generation to roll back to, or null for the newest still-running old one
     * @throws NeckbeardException exit 4 when there is nothing to roll back to or a node is unhealthy
     */
    public DeployResult rollback(Long to, List<String> arguments) {
        return new GenerationSwitch(context, progress).activate("rollback", "roll back",
                (state, resources) -> target(state, to, resources), arguments);
    }

    private Generation target(EnvironmentState state, Long to, RefreshedResources resources) {
        if (to != null) {
            Generation generation = state.generation(to).orElseThrow(() -> new NeckbeardException(ExitCode.USAGE,
                    context.name() + " has no generation " + to, "see the generations with: neckbeard status " + context.name()));
            if (generation.state() != GenerationState.OLD) {
                throw new NeckbeardException(ExitCode.REFUSED, "cannot roll " + context.name() + " back to generation " + to
                        + ": it is " + generation.state().id() + ", and only an old generation can be rolled back to",
                        generation.state() == GenerationState.PENDING ? "use neckbeard promote " + context.name() : null);
            }
            resources.refreshAll(generation.nodes());
            if (!running(generation, resources)) {
                throw new NeckbeardException(ExitCode.REFUSED, "cannot roll " + context.name() + " back to generation " + to
                        + ": some of its resources no longer run", "build a new generation: neckbeard up " + context.name() + " --pending");
            }
            return generation;
        }
        resources.refreshAll(state.generations().stream().filter(g -> g.state() == GenerationState.OLD)
                .flatMap(g -> g.nodes().stream()).toList());
        return state.generations().stream()
                .filter(g -> g.state() == GenerationState.OLD)
                .sorted(Comparator.comparingLong(Generation::id).reversed())
                .filter(generation -> running(generation, resources))
                .findFirst()
                .orElseThrow(() -> new NeckbeardException(ExitCode.REFUSED, "nothing to roll back to: " + context.name()
                        + " has no old generation whose resources still run",
                        "build a new generation with neckbeard up " + context.name() + " --pending"));
    }

    /** Every node of the generation still has a running resource (as its provider reports it now). */
    private static boolean running(Generation generation, RefreshedResources resources) {
        if (generation.nodes().isEmpty()) {
            return false;
        }
        for (NodeRecord record : generation.nodes()) {
            if (record.resourceId() == null) {
                return false;
            }
            if (!resources.of(record).running()) {
                return false;
            }
        }
        return true;
    }
}
