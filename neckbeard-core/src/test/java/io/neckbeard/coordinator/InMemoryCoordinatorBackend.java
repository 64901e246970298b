package io.neckbeard.coordinator;

import io.neckbeard.state.EnvironmentState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A real, thread-safe backend that keeps everything in memory: it passes the contract suite,
 * so tests of coordinator users can run against it instead of a mock.
 */
public final class InMemoryCoordinatorBackend implements CoordinatorBackend {
    private final Map<String, EnvironmentState> states = new HashMap<>();
    private final Map<String, LockInfo> locks = new HashMap<>();
    private final List<AuditEntry> trail = new ArrayList<>();

    @Override
    public synchronized List<String> environments() {
        return List.copyOf(new TreeSet<>(states.keySet()));
    }

    @Override
    public synchronized EnvironmentState read(String environment) {
        return states.getOrDefault(environment, EnvironmentState.empty(environment));
    }

    @Override
    public synchronized EnvironmentState write(EnvironmentState state) {
        long stored = read(state.environment()).version();
        if (stored != state.version()) {
            throw new ConflictException(state.environment(), state.version(), stored);
        }
        EnvironmentState next = state.withVersion(stored + 1);
        states.put(state.environment(), next);
        return next;
    }

    @Override
    public synchronized LockInfo acquire(String environment, String holder, String host, long pid, String command,
                                         Duration ttl) {
        Instant now = Instant.now();
        LockInfo current = locks.get(environment);
        if (current != null && !current.staleFor(host, now)) {
            throw new LockedException(current);
        }
        LockInfo lock = new LockInfo(environment, holder, host, pid, command, now, now.plus(ttl),
                UUID.randomUUID().toString());
        locks.put(environment, lock);
        return lock;
    }

    @Override
    public synchronized LockInfo renew(LockInfo lock, Duration ttl) {
        LockInfo current = locks.get(lock.environment());
        if (current == null) {
            throw new LockLostException(lock);
        }
        if (!current.token().equals(lock.token())) {
            throw new LockedException(current);
        }
        LockInfo renewed = current.renewedUntil(Instant.now().plus(ttl));
        locks.put(lock.environment(), renewed);
        return renewed;
    }

    @Override
    public synchronized void release(LockInfo lock) {
        LockInfo current = locks.get(lock.environment());
        if (current != null && current.token().equals(lock.token())) {
            locks.remove(lock.environment());
        }
    }

    @Override
    public synchronized Optional<LockInfo> lock(String environment) {
        return Optional.ofNullable(locks.get(environment));
    }

    @Override
    public synchronized Optional<LockInfo> forceRelease(String environment) {
        return Optional.ofNullable(locks.remove(environment));
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        trail.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> audit(String environment, int limit) {
        List<AuditEntry> newest = new ArrayList<>();
        for (int i = trail.size() - 1; i >= 0 && newest.size() < limit; i--) {
            if (trail.get(i).environment().equals(environment)) {
                newest.add(trail.get(i));
            }
        }
        return newest;
    }

    @Override
    public void close() {
        // Nothing to release: the state lives as long as the object.
    }
}
