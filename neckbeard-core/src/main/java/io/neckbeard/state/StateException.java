package io.neckbeard.state;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/** A change that would break an invariant of the environment's state; nothing is written. */
public class StateException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public StateException(ExitCode exitCode, String message, String remedy) {
        super(exitCode, message, remedy);
    }
}
