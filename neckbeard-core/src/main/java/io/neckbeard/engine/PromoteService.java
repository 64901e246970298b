package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;

import java.util.List;

/** {@code promote ENV} (alias {@code increment}): the pending generation becomes active after a health gate. */
public final class PromoteService {
    private final DeployContext context;
    private final Progress progress;

    public PromoteService(DeployContext context, Progress progress) {
        this.context = context;
        this.progress = progress;
    }

    /** {@code --dry-run}: what a promote would do; reads the state only. */
    public DeployResult preview() {
        EnvironmentState state = context.coordinator().read(context.name());
        Generation pending = pending(state);
        return new DeployResult(context.name(), pending.id(), "dry-run",
                new GenerationSwitch(context, progress).preview(state, pending));
    }

    /**
     * @throws NeckbeardException exit 4 when there is no pending generation or a pending node is
     *                            unhealthy; nothing is changed then
     */
    public DeployResult promote(List<String> arguments) {
        return new GenerationSwitch(context, progress).activate("promote", "promote", (state, resources) -> pending(state), arguments);
    }

    private Generation pending(EnvironmentState state) {
        return state.pending().orElseThrow(() -> new NeckbeardException(ExitCode.REFUSED,
                "there is no pending generation of " + context.name() + " to promote",
                "build one first: neckbeard up " + context.name() + " --pending"));
    }
}
