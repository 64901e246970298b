package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/** The coordinator could not be read or written (exit 1; exit 2 for a damaged state file). */
public class CoordinatorException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public CoordinatorException(ExitCode exitCode, String message, String remedy, Throwable cause) {
        super(exitCode, message, remedy, cause);
    }
}
