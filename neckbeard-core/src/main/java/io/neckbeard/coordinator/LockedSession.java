package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The {@link EnvironmentSession} every backend gets: renews the lock every ttl/3 on a daemon
 * thread, and a JVM shutdown hook (Ctrl-C, SIGTERM) closes it with result {@code interrupted}
 * so the lock is released and the audit entry written even when the command never returns.
 */
final class LockedSession implements EnvironmentSession {
    private static final Logger LOG = LoggerFactory.getLogger(LockedSession.class);

    private final CoordinatorBackend backend;
    private final Operator operator;
    private final List<String> arguments;
    private final Duration ttl;
    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService renewer;
    private final Thread shutdownHook;
    private LockInfo lock;
    /** Volatile, not guarded: readers never wait for a write in flight (the last stored state is what they get). */
    private volatile EnvironmentState state;
    private Long generation;
    private String result = "ok";
    private boolean lockLost;
    /** The command's completing write is stored: an interruption no longer changes its result. */
    private boolean completed;
    /** The exit 3 a write met after the lock was lost, if any; {@link #close()} ends the command with it. */
    private CoordinatorException refusedWrite;
    private boolean closed;

    private LockedSession(CoordinatorBackend backend, LockInfo lock, Operator operator, List<String> arguments,
                          Duration ttl, Clock clock) {
        this.backend = backend;
        this.lock = lock;
        this.operator = operator;
        this.arguments = List.copyOf(arguments);
        this.ttl = ttl;
        this.clock = clock;
        this.started = clock.instant();
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "neckbeard-lock-renewal-" + lock.environment());
            thread.setDaemon(true);
            return thread;
        });
        this.shutdownHook = new Thread(this::interrupted, "neckbeard-lock-release-" + lock.environment());
    }

    static LockedSession start(CoordinatorBackend backend, LockInfo lock, Operator operator, List<String> arguments,
                               Duration ttl, Clock clock) {
        LockedSession session = new LockedSession(backend, lock, operator, arguments, ttl, clock);
        try {
            session.state = backend.read(lock.environment());
        } catch (RuntimeException e) {
            backend.release(lock);
            throw e;
        }
        long period = Math.max(1, ttl.toMillis() / 3);
        session.renewer.scheduleAtFixedRate(session::renew, period, period, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(session.shutdownHook);
        return session;
    }

    @Override
    public EnvironmentState state() {
        return state;
    }

    /**
     * Writes with compare-and-set, fenced by our lock's token: a write after the lock was broken
     * or taken over is refused by the backend itself, even before the renewal thread notices.
     * Under our lock nobody else writes, so a conflict also means the lock was lost: nothing more
     * is written (no retry on top of the new holder's state), and the command fails with exit 3,
     * also when its caller carries on (see {@link #close()}). Any failure here is audited as such.
     */
    @Override
    public synchronized EnvironmentState update(UnaryOperator<EnvironmentState> change) {
        try {
            requireOpen();
            state = backend.write(change.apply(state), lock);
            return state;
        } catch (LockLostException lost) {
            throw fencedOff(lost);
        } catch (ConflictException conflict) {
            throw fencedOff(lost("its state was written by someone else", conflict));
        } catch (RuntimeException e) {
            result = e instanceof NeckbeardException known && known.exitCode() == ExitCode.REFUSED ? "refused" : "failed";
            throw e;
        }
    }

    @Override
    public synchronized EnvironmentState complete(UnaryOperator<EnvironmentState> change, String outcome) {
        EnvironmentState stored = update(change);
        result = outcome;
        completed = true;
        return stored;
    }

    @Override
    public synchronized void generation(long id) {
        this.generation = id;
    }

    @Override
    public synchronized void result(String outcome) {
        this.result = outcome;
    }

    /**
     * Appends the audit entry and releases the lock; then, if a write was refused because the lock
     * was lost, throws exit 3: a command that handles failures step by step (per node) may have
     * carried on after the refusal, and must still not end as if it had run under its lock.
     */
    @Override
    public void close() {
        finish(false);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already shutting down; the hook will find the session closed.
        }
        CoordinatorException refused;
        synchronized (this) {
            refused = refusedWrite;
        }
        if (refused != null) {
            // A new exception: when the refusal itself is what ends the command, this one is added to it as suppressed.
            throw new CoordinatorException(ExitCode.LOCKED, refused.getMessage(), refused.remedy(), refused);
        }
    }

    /** The shutdown hook's work; package-private for tests. */
    void interrupted() {
        finish(true);
    }

    private void finish(boolean interrupted) {
        LockInfo held;
        AuditEntry entry;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            renewer.shutdownNow();
            Instant now = clock.instant();
            entry = new AuditEntry(started, operator.user(), operator.host(), lock.environment(), lock.command(),
                    arguments, generation, interrupted && !completed ? "interrupted" : result, Duration.between(started, now));
            held = lock;
        }
        try {
            backend.append(entry);
        } finally {
            backend.release(held);
        }
    }

    private synchronized void renew() {
        if (closed) {
            return;
        }
        try {
            lock = backend.renew(lock, ttl);
        } catch (RuntimeException e) {
            if (!(e instanceof CoordinatorException known) || known.exitCode() != ExitCode.LOCKED) {
                // A passing storage error: the lock is still ours until it expires; try again next period.
                LOG.warn("could not renew the lock of {}: {}", lock.environment(), e.getMessage());
                return;
            }
            lockLost = true;
            renewer.shutdown();
            LOG.warn("lost the lock of {}: {}", lock.environment(), e.getMessage());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the session of " + lock.environment() + " is closed");
        }
        if (lockLost) {
            throw fencedOff(lost("it was broken or taken over", null));
        }
    }

    /** Records that a write was refused because the lock is no longer ours. */
    private CoordinatorException fencedOff(CoordinatorException refusal) {
        lockLost = true;
        result = "failed";
        if (refusedWrite == null) {
            refusedWrite = refusal;
        }
        return refusal;
    }

    private CoordinatorException lost(String how, Throwable cause) {
        return new CoordinatorException(ExitCode.LOCKED, "lock lost: the lock of " + lock.environment() + " was lost while "
                + lock.command() + " ran: " + how + "; nothing more was written", "check 'neckbeard lock status " + lock.environment()
                + "' and 'neckbeard history " + lock.environment() + "', then re-run", cause);
    }
}
