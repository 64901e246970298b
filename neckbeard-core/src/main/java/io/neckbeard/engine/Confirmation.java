package io.neckbeard.engine;

/** Asks the operator before something that cannot be undone; throws when it is not confirmed. */
@FunctionalInterface
public interface Confirmation {

    /**
     * @param question asked on a terminal, e.g. {@code Terminate generation 1 of dev (2 nodes)?}
     * @param action   what would be done, for the refusal when there is no terminal to ask, e.g.
     *                 {@code terminate would destroy 2 nodes (generation 1 of dev)}
     */
    void confirm(String question, String action);
}
