package io.neckbeard.coordinator;

import io.neckbeard.state.EnvironmentState;

import java.util.function.UnaryOperator;

/**
 * A mutating command's hold on one environment: the lock is taken when the session opens,
 * renewed in the background while it runs, and released on {@link #close()} (and by a shutdown
 * hook on Ctrl-C / SIGTERM). Closing appends exactly one audit entry.
 */
public interface EnvironmentSession extends AutoCloseable {

    /** The latest state this session read or wrote. */
    EnvironmentState state();

    /**
     * Applies {@code change} to the latest state and writes it with compare-and-set; returns what was
     * stored. If it throws, the audit result becomes {@code failed} ({@code refused} for exit 4)
     * unless {@link #result} is called afterwards.
     */
    EnvironmentState update(UnaryOperator<EnvironmentState> change);

    /**
     * The write that completes the command: {@link #update} that also records {@code result} in
     * the same step, so an interruption (Ctrl-C, SIGTERM) landing after it is audited with this
     * result, as the state says it happened, rather than as {@code interrupted}.
     */
    EnvironmentState complete(UnaryOperator<EnvironmentState> change, String result);

    /** Records the generation acted on, for the audit entry. */
    void generation(long generation);

    /** Records the outcome for the audit entry ({@code ok} unless set; {@code failed}, {@code refused}, ...). */
    void result(String result);

    /** Appends the audit entry and releases the lock. */
    @Override
    void close();
}
