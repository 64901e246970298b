package io.neckbeard.coordinator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/** The rule every backend's {@code acquire} applies to the lock it finds: a live one refuses, a stale one is taken over. */
public final class StaleLocks {
    private static final Logger LOG = LoggerFactory.getLogger(StaleLocks.class);

    private StaleLocks() {
    }

    /**
     * @throws LockedException when {@code current} is live for an acquirer on {@code host} at {@code now};
     *                         a stale lock is let through, with a warning naming its holder
     */
    public static void requireTakeable(String environment, Optional<LockInfo> current, String host, Instant now) {
        if (current.isEmpty()) {
            return;
        }
        LockInfo lock = current.get();
        if (!lock.staleFor(host, now)) {
            throw new LockedException(lock);
        }
        LOG.warn("taking over the stale lock of {} held by {} (pid {}, '{}', expired {})", environment,
                lock.holder(), lock.pid(), lock.command(), lock.expiresAt());
    }
}
