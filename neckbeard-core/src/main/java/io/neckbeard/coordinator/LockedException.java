package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;

/** The environment's lock is held by someone else (exit 3). */
public class LockedException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    private final transient LockInfo holder;

    public LockedException(LockInfo holder) {
        this(holder, "wait for it to finish, or if that process is gone: neckbeard lock release " + holder.environment()
                + " --force");
    }

    public LockedException(LockInfo holder, String remedy) {
        super(ExitCode.LOCKED, holder.environment() + " is locked by " + holder.holder() + " (pid " + holder.pid()
                + ", running '" + holder.command() + "') since " + holder.acquiredAt(), remedy, null);
        this.holder = holder;
    }

    public LockInfo holder() {
        return holder;
    }
}
