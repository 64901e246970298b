package io.neckbeard.transport;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/** A node could not be reached, a host key did not match, or a copy failed (exit 1). */
public class TransportException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, String remedy, Throwable cause) {
        super(ExitCode.FAILED, message, remedy, cause);
    }
}
