package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;

import java.util.Optional;

/** A lock this process held was broken ({@code lock release --force}) or taken over (exit 3). */
public class LockLostException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    public LockLostException(LockInfo lost) {
        super(ExitCode.LOCKED, "lock lost: the lock of " + lost.environment() + " held by " + lost.holder() + " for '"
                + lost.command() + "' was broken", "check 'neckbeard history " + lost.environment()
                + "' for who broke it, then re-run", null);
    }

    /** @param current the lock that holds the environment now */
    public LockLostException(LockInfo lost, LockInfo current) {
        super(ExitCode.LOCKED, "lock lost: the lock of " + lost.environment() + " held by " + lost.holder() + " for '"
                + lost.command() + "' was broken and is now held by " + current.holder() + " (pid " + current.pid()
                + ", running '" + current.command() + "')", "check 'neckbeard history " + lost.environment()
                + "' for who broke it, then re-run", null);
    }

    @Override
    public String code() {
        return "lock_lost";
    }

    /** What a fenced write met: the environment's lock now, if any. */
    public static LockLostException of(LockInfo lost, Optional<LockInfo> current) {
        return current.map(now -> new LockLostException(lost, now)).orElseGet(() -> new LockLostException(lost));
    }
}
