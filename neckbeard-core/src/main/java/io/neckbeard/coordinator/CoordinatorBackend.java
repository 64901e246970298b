package io.neckbeard.coordinator;

import io.neckbeard.state.EnvironmentState;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A state store for environments, locks and the audit trail. Every implementation passes the
 * shared contract suite ({@code CoordinatorBackendContract} in neckbeard-core's test-jar).
 * Implementations are thread-safe.
 */
public interface CoordinatorBackend extends AutoCloseable {

    /** Names of every environment with stored state. */
    List<String> environments();

    /** The stored state, or {@link EnvironmentState#empty} (version 0) when there is none. */
    EnvironmentState read(String environment);

    /**
     * Stores {@code state} if the stored version still equals {@code state.version()};
     * returns it at version + 1.
     *
     * @throws ConflictException when someone else wrote in between
     */
    EnvironmentState write(EnvironmentState state);

    /**
     * {@link #write(EnvironmentState)} fenced by {@code lock}: stores {@code state} only if
     * {@code lock} is still the environment's lock (same token, expired or not) as well, checked
     * atomically with the version. A holder whose lock was broken or taken over can so never
     * write over the work of whoever holds it now.
     *
     * @throws LockLostException when the environment's lock is not {@code lock} any more
     * @throws ConflictException when someone else wrote in between
     */
    EnvironmentState write(EnvironmentState state, LockInfo lock);

    /**
     * Takes the environment's lock for {@code ttl}; a lock past its expiry (or, for local files,
     * whose holder process is dead on this host) is taken over.
     *
     * @throws LockedException naming the holder when someone else has it
     */
    LockInfo acquire(String environment, String holder, String host, long pid, String command, Duration ttl);

    /**
     * Extends a held lock by {@code ttl}.
     *
     * @throws LockedException   when someone else holds it now (it expired and was taken over)
     * @throws LockLostException when it was broken and nobody holds it
     */
    LockInfo renew(LockInfo lock, Duration ttl);

    /** Releases a held lock; releasing a lock that is no longer ours is a no-op. */
    void release(LockInfo lock);

    /** The current lock, if any (an expired one is reported too: check {@code expiresAt}). */
    Optional<LockInfo> lock(String environment);

    /**
     * Breaks whatever lock is held, a lock record that cannot be read (damaged) included; returns
     * what was broken, empty when there was no lock or its record could not be read.
     */
    Optional<LockInfo> forceRelease(String environment);

    /** Appends one entry; O(1) in the length of the trail. */
    void append(AuditEntry entry);

    /** The newest {@code limit} entries of the environment, newest first. */
    List<AuditEntry> audit(String environment, int limit);

    /**
     * Proves that the store answers and would accept a write, without changing anything it holds
     * (no state, lock or audit entry): what {@code neckbeard doctor} asks. This default reads the
     * list of environments; a backend that can test a write on the side (a scratch file, object or
     * item, removed again) overrides it.
     *
     * @return what was proved, for the user (e.g. {@code wrote and removed a file in /srv/state})
     * @throws CoordinatorException naming what failed and how to fix it
     */
    default String probe() {
        int count = environments().size();
        return "read the list of environments (" + count + (count == 1 ? " environment" : " environments") + ")";
    }

    @Override
    void close();
}
