package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;

/** A lock this process held was broken ({@code lock release --force}) and nobody holds it now (exit 3). */
public class LockLostException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    public LockLostException(LockInfo lost) {
        super(ExitCode.LOCKED, "the lock of " + lost.environment() + " held by " + lost.holder() + " for '"
                + lost.command() + "' was broken", "check 'neckbeard history " + lost.environment()
                + "' for who broke it, then re-run", null);
    }
}
