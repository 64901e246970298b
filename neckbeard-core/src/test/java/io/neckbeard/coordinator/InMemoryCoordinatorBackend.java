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
    /** The storage, shared with {@link #reopened() reopened} views; also the monitor every operation holds. */
    private final Store store;

    public InMemoryCoordinatorBackend() {
        this(new Store());
    }

    private InMemoryCoordinatorBackend(Store store) {
        this.store = store;
    }

    /** Another backend over the same storage, as a second process would open the same files. */
    public InMemoryCoordinatorBackend reopened() {
        return new InMemoryCoordinatorBackend(store);
    }

    @Override
    public List<String> environments() {
        synchronized (store) {
            return List.copyOf(new TreeSet<>(store.states.keySet()));
        }
    }

    @Override
    public EnvironmentState read(String environment) {
        synchronized (store) {
            return store.states.getOrDefault(environment, EnvironmentState.empty(environment));
        }
    }

    @Override
    public EnvironmentState write(EnvironmentState state) {
        synchronized (store) {
            long stored = read(state.environment()).version();
            if (stored != state.version()) {
                throw new ConflictException(state.environment(), state.version(), stored);
            }
            EnvironmentState next = state.withVersion(stored + 1);
            store.states.put(state.environment(), next);
            return next;
        }
    }

    @Override
    public EnvironmentState write(EnvironmentState state, LockInfo lock) {
        synchronized (store) {
            LockInfo current = store.locks.get(state.environment());
            if (current == null || !current.token().equals(lock.token())) {
                throw LockLostException.of(lock, Optional.ofNullable(current));
            }
            return write(state);
        }
    }

    @Override
    public LockInfo acquire(String environment, String holder, String host, long pid, String command, Duration ttl) {
        synchronized (store) {
            Instant now = Instant.now();
            LockInfo current = store.locks.get(environment);
            if (current != null && !current.staleFor(host, now)) {
                throw new LockedException(current);
            }
            LockInfo lock = new LockInfo(environment, holder, host, pid, command, now, now.plus(ttl),
                    UUID.randomUUID().toString());
            store.locks.put(environment, lock);
            return lock;
        }
    }

    @Override
    public LockInfo renew(LockInfo lock, Duration ttl) {
        synchronized (store) {
            LockInfo current = store.locks.get(lock.environment());
            if (current == null) {
                throw new LockLostException(lock);
            }
            if (!current.token().equals(lock.token())) {
                throw new LockedException(current);
            }
            LockInfo renewed = current.renewedUntil(Instant.now().plus(ttl));
            store.locks.put(lock.environment(), renewed);
            return renewed;
        }
    }

    @Override
    public void release(LockInfo lock) {
        synchronized (store) {
            LockInfo current = store.locks.get(lock.environment());
            if (current != null && current.token().equals(lock.token())) {
                store.locks.remove(lock.environment());
            }
        }
    }

    @Override
    public Optional<LockInfo> lock(String environment) {
        synchronized (store) {
            return Optional.ofNullable(store.locks.get(environment));
        }
    }

    @Override
    public Optional<LockInfo> forceRelease(String environment) {
        synchronized (store) {
            return Optional.ofNullable(store.locks.remove(environment));
        }
    }

    @Override
    public void append(AuditEntry entry) {
        synchronized (store) {
            store.trail.add(entry);
        }
    }

    @Override
    public List<AuditEntry> audit(String environment, int limit) {
        synchronized (store) {
            List<AuditEntry> newest = new ArrayList<>();
            for (int i = store.trail.size() - 1; i >= 0 && newest.size() < limit; i--) {
                if (store.trail.get(i).environment().equals(environment)) {
                    newest.add(store.trail.get(i));
                }
            }
            return newest;
        }
    }

    @Override
    public void close() {
        // Nothing to release: the state lives as long as the store.
    }

    private static final class Store {
        private final Map<String, EnvironmentState> states = new HashMap<>();
        private final Map<String, LockInfo> locks = new HashMap<>();
        private final List<AuditEntry> trail = new ArrayList<>();
    }
}
