package io.neckbeard.engine;

import java.util.List;

/**
 * What the engine tells the user while it works. The CLI renders it on stderr (live lines on a
 * terminal, timestamped lines otherwise); stdout only carries the final result. Called from
 * several threads at once.
 */
public interface Progress {

    /** {@code node} starts {@code step} ({@code launch}, {@code take-out}, {@code provision}, {@code health}, ...). */
    void step(String node, String step);

    /** A line of a node's provisioning output (never secret values). */
    void output(String node, String line);

    /** {@code node} is done, successfully or not. */
    void finished(NodeOutcome outcome);

    /** Anything not about one node: waves, hooks, the slug. */
    void message(String text);

    /**
     * The work ahead, once, before its first node starts: the number of nodes of each wave, in
     * order (a node may start before its wave when the HA floor allows). What a progress bar
     * counts {@link #finished} nodes against; ignoring it is fine.
     */
    default void planned(List<Integer> waveSizes) {
    }
}
