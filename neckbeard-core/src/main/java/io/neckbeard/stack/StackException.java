package io.neckbeard.stack;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/** A step of deploying or stopping a release on a node failed (exit 1); the message carries the output tail. */
public class StackException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public StackException(String message, String remedy) {
        super(ExitCode.FAILED, message, remedy);
    }
}
