package io.neckbeard.transport;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/**
 * A node could not be reached or a copy failed (exit 1); a host key that is unknown or changed,
 * or an SSH setting that cannot work, is exit 2: retrying does not help, the operator must act.
 */
public class TransportException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, String remedy, Throwable cause) {
        super(ExitCode.FAILED, message, remedy, cause);
    }

    public TransportException(ExitCode exitCode, String message, String remedy, Throwable cause) {
        super(exitCode, message, remedy, cause);
    }
}
