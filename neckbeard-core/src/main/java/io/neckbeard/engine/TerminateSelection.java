package io.neckbeard.engine;

import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;

import java.util.List;

/**
 * Which generations {@code terminate} destroys: one by id, every old one, or all of them.
 * Terminated generations are never selected again.
 *
 * @param generation the id of {@code --generation N}, or null
 */
public record TerminateSelection(Long generation, boolean old, boolean all) {

    public List<Generation> select(EnvironmentState state) {
        return state.generations().stream()
                .filter(g -> g.state() != GenerationState.TERMINATED)
                .filter(g -> all || (old && g.state() == GenerationState.OLD)
                        || (generation != null && g.id() == generation))
                .toList();
    }

    /** {@code --generation 3}, {@code --old}, {@code --all}. */
    public String describe() {
        return all ? "--all" : old ? "--old" : "--generation " + generation;
    }
}
