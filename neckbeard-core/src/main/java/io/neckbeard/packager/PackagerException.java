package io.neckbeard.packager;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/** The slug could not be built: a missing input, a failing build command (exit 1, or 2 for bad settings). */
public class PackagerException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public PackagerException(ExitCode exitCode, String message, String remedy, Throwable cause) {
        super(exitCode, message, remedy, cause);
    }
}
