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
}
