package io.neckbeard.engine;

import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.hooks.Hooks;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeHealth;

import java.util.List;
import java.util.Map;

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
        long announced = pending(context.coordinator().read(context.name())).id();
        Hooks hooks = context.hooks(progress::message);
        hooks.before("promote", announced);
        String result = "failed";
        try (EnvironmentSession session = context.coordinator().session(context.name(), "promote", arguments)) {
            session.result(result);
            Generation pending = pending(session.state());
            session.generation(pending.id());
            GenerationSwitch change = new GenerationSwitch(context, progress);
            Map<String, NodeHealth> health;
            try {
                health = change.gate(pending, session.state().scale(), "promote");
            } catch (NeckbeardException refused) {
                result = "refused";
                session.result(result);
                throw refused;
            }
            DeployResult promoted = change.switchTo(session, pending, health);
            result = promoted.result();
            session.result(result);
            return promoted;
        } finally {
            hooks.after("promote", announced, result);
        }
    }

    private Generation pending(EnvironmentState state) {
        return state.pending().orElseThrow(() -> new NeckbeardException(ExitCode.REFUSED,
                "there is no pending generation of " + context.name() + " to promote",
                "build one first: neckbeard up " + context.name() + " --pending"));
    }
}
