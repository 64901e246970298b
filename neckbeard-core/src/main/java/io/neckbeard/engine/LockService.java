package io.neckbeard.engine;

import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.LockedException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.model.Project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lock status|release ENV [--force]}. Without {@code --force} only a stale lock (expired,
 * or held by a process that is gone from this host) is released: a live holder may be midway
 * through a deploy. {@code --force} breaks any lock. Every release that removed a lock is audited.
 */
public final class LockService {
    private final Project project;
    private final Coordinator coordinator;

    public LockService(Project project, Coordinator coordinator) {
        this.project = project;
        this.coordinator = coordinator;
    }

    /** @param stale whether {@code lock release} without --force would release it */
    public record LockView(String holder, String host, long pid, String command, Instant acquiredAt, Instant expiresAt,
                           boolean stale) {
    }

    /**
     * @param lock    the lock held (status) or the lock released (release), or null
     * @param damaged what was wrong with a lock record that {@code --force} removed although it
     *                could not be read, or null
     */
    public record LockReport(String environment, LockView lock, String damaged) {
    }

    public LockReport status(String environment) {
        project.environment(environment);
        return new LockReport(environment, coordinator.backend().lock(environment).map(this::view).orElse(null), null);
    }

    /**
     * @param arguments the command line, already masked, for the audit entry
     * @throws LockedException (exit 3) when the lock is live and {@code force} is false
     */
    public LockReport release(String environment, boolean force, List<String> arguments) {
        project.environment(environment);
        Instant started = coordinator.clock().instant();
        CoordinatorBackend backend = coordinator.backend();
        Optional<LockInfo> released;
        String damaged = null;
        if (force) {
            damaged = damage(environment);
            released = backend.forceRelease(environment);
        } else {
            released = backend.lock(environment);
            if (released.isPresent()) {
                if (!isStale(released.get())) {
                    coordinator.audit(environment, "lock release", arguments, null, "locked", started);
                    throw new LockedException(released.get(), "neckbeard lock release " + environment
                            + " --force breaks it (only when you are sure its holder is gone)");
                }
                backend.release(released.get());
            }
        }
        if (released.isPresent() || damaged != null) {
            List<String> audited = new ArrayList<>(arguments);
            audited.add(released.map(lock -> "(released the lock of " + lock.holder() + ", pid " + lock.pid() + ", '"
                    + lock.command() + "')").orElse("(removed a lock record that could not be read: " + damaged + ")"));
            coordinator.audit(environment, force ? "lock release --force" : "lock release", audited, null, "ok", started);
        }
        return new LockReport(environment, released.map(this::view).orElse(null), released.isPresent() ? null : damaged);
    }

    /** What is wrong with the environment's lock record, or null when it reads (or there is none). */
    private String damage(String environment) {
        try {
            coordinator.backend().lock(environment);
            return null;
        } catch (CoordinatorException e) {
            if (e.exitCode() != ExitCode.USAGE) {
                throw e;
            }
            return e.getMessage();
        }
    }

    private LockView view(LockInfo lock) {
        return new LockView(lock.holder(), lock.host(), lock.pid(), lock.command(), lock.acquiredAt(), lock.expiresAt(),
                isStale(lock));
    }

    private boolean isStale(LockInfo lock) {
        return lock.staleFor(coordinator.operator().host(), coordinator.clock().instant());
    }
}
