package io.neckbeard.coordinator;

import java.time.Instant;

/**
 * Who holds an environment's lock.
 *
 * @param holder {@code user@host}
 * @param token  random id of this acquisition; renew and release must present it
 */
public record LockInfo(String environment, String holder, String host, long pid, String command,
                       Instant acquiredAt, Instant expiresAt, String token) {

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /**
     * Whether a new holder on {@code host} may take this lock over: it expired, or its holder
     * process ran on that same host and is gone (a pid is only meaningful on its own host).
     */
    public boolean staleFor(String host, Instant now) {
        return expired(now) || (this.host.equals(host) && ProcessHandle.of(pid).isEmpty());
    }

    /** The same acquisition with a later expiry. */
    public LockInfo renewedUntil(Instant newExpiry) {
        return new LockInfo(environment, holder, host, pid, command, acquiredAt, newExpiry, token);
    }
}
