package io.neckbeard.coordinator;

import io.neckbeard.core.Durations;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.Project;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.state.EnvironmentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The project's state store as commands use it: reads, and {@link EnvironmentSession}s that
 * hold an environment's lock, write with compare-and-set and leave one audit entry.
 */
public final class Coordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);
    /** How long a lock lives without renewal; a session renews it every third of this. */
    public static final Duration DEFAULT_LOCK_TTL = Duration.ofMinutes(10);
    /** The first pause between two attempts to take a held lock; it doubles up to {@link #MAX_LOCK_PAUSE}. */
    private static final Duration FIRST_LOCK_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_LOCK_PAUSE = Duration.ofSeconds(2);

    private final CoordinatorBackend backend;
    private final Operator operator;
    private final Duration lockTtl;
    private final Clock clock;
    /** How long {@link #session} waits for a lock someone else holds; zero fails at once. */
    private final Duration lockTimeout;
    /** How many sessions this coordinator opened: a refusal after one was audited by that session. */
    private final AtomicLong sessionsOpened = new AtomicLong();

    public Coordinator(CoordinatorBackend backend) {
        this(backend, Operator.current(), DEFAULT_LOCK_TTL, Clock.systemUTC());
    }

    public Coordinator(CoordinatorBackend backend, Operator operator, Duration lockTtl, Clock clock) {
        this(backend, operator, lockTtl, clock, Duration.ZERO);
    }

    /** @param lockTimeout how long a session waits for a lock someone else holds (zero: exit 3 at once) */
    public Coordinator(CoordinatorBackend backend, Operator operator, Duration lockTtl, Clock clock, Duration lockTimeout) {
        this.backend = backend;
        this.operator = operator;
        this.lockTtl = lockTtl;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
    }

    /**
     * The backend named by the project's {@code coordinator.type} (default {@code local-yaml}), its
     * locks living {@code coordinator.lock_ttl} (default {@link #DEFAULT_LOCK_TTL}).
     *
     * @param lockTimeout how long a session waits for a held lock ({@code --lock-timeout})
     */
    public static Coordinator open(Project project, Plugins plugins, Duration lockTimeout) {
        TypedSettings settings = project.coordinator();
        return open(settings, project, plugins, lockTimeout);
    }

    /**
     * A coordinator over {@code settings} (a {@code coordinator:} block with its type) rather
     * than the project's own, e.g. the target of {@code coordinator migrate}.
     */
    public static Coordinator open(TypedSettings settings, Project project, Plugins plugins, Duration lockTimeout) {
        Map<String, Object> values = settings.settings();
        Duration ttl = lockTtl(values);
        CoordinatorBackendFactory factory = plugins.find(CoordinatorBackendFactory.class, settings.type(), "coordinator backend");
        return new Coordinator(factory.create(new CoordinatorContext(project.root(), project.app(), values, project.region())),
                Operator.current(), ttl, Clock.systemUTC(), lockTimeout);
    }

    /**
     * Settings every backend takes, read here rather than by the backend: {@code check} validates
     * them once, and gives a backend's own {@code validate} the block without them.
     */
    public static final String LOCK_TTL = "lock_ttl";

    /** {@code coordinator.lock_ttl}, default {@link #DEFAULT_LOCK_TTL}; exit 2 when it is not a duration. */
    public static Duration lockTtl(Map<String, Object> settings) {
        return Durations.parseOr(settings.get(LOCK_TTL), DEFAULT_LOCK_TTL, "coordinator.lock_ttl");
    }

    public EnvironmentState read(String environment) {
        return backend.read(environment);
    }

    /**
     * Takes the environment's lock for a mutating command.
     *
     * @param arguments the command line, with secret and config-var values already masked
     * @throws LockedException (exit 3) naming the holder; the refusal is audited with result {@code locked}
     */
    public EnvironmentSession session(String environment, String command, List<String> arguments) {
        Instant started = clock.instant();
        LockInfo lock;
        try {
            lock = acquireWithin(environment, command);
        } catch (LockedException held) {
            audit(environment, command, arguments, null, "locked", started);
            throw held;
        }
        sessionsOpened.incrementAndGet();
        return LockedSession.start(backend, lock, operator, arguments, lockTtl, clock);
    }

    /**
     * Takes the lock, trying again with growing pauses while someone else holds it, until
     * {@link #lockTimeout} has passed (Terraform's {@code -lock-timeout}).
     */
    private LockInfo acquireWithin(String environment, String command) {
        Instant deadline = clock.instant().plus(lockTimeout);
        Duration pause = FIRST_LOCK_PAUSE;
        while (true) {
            try {
                return backend.acquire(environment, operator.holder(), operator.host(), operator.pid(), command, lockTtl);
            } catch (LockedException held) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw lockTimeout.isZero() ? held : new LockedException(held.holder(), "waited " + lockTimeout
                            .toString().substring(2).toLowerCase(java.util.Locale.ROOT) + " (--lock-timeout) for it; "
                            + "wait longer, or if that process is gone: neckbeard lock release " + environment + " --force");
                }
                if (pause.equals(FIRST_LOCK_PAUSE)) {
                    LOG.warn("{}; waiting up to {} for it (--lock-timeout)", held.getMessage(), lockTimeout);
                }
                sleep(pause.compareTo(left) < 0 ? pause : left, environment);
                pause = pause.multipliedBy(2).compareTo(MAX_LOCK_PAUSE) < 0 ? pause.multipliedBy(2) : MAX_LOCK_PAUSE;
            }
        }
    }

    private static void sleep(Duration pause, String environment) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinatorException(ExitCode.INTERRUPTED, "interrupted while waiting for the lock of " + environment,
                    null, e);
        }
    }

    /**
     * Runs a mutating command so that a refusal (exit 4) is audited, as {@code refused}, even when it
     * comes before the command holds the lock; once a session is open, the session audits.
     */
    public <T> T refusalsAudited(String environment, String command, List<String> arguments, Supplier<T> work) {
        Instant started = clock.instant();
        long sessionsBefore = sessionsOpened.get();
        try {
            return work.get();
        } catch (NeckbeardException e) {
            if (e.exitCode() == ExitCode.REFUSED && sessionsOpened.get() == sessionsBefore) {
                audit(environment, command, arguments, null, "refused", started);
            }
            throw e;
        }
    }

    /** Appends one audit entry as this coordinator's operator, for a command that started at {@code started}. */
    public void audit(String environment, String command, List<String> arguments, Long generation, String result,
                      Instant started) {
        backend.append(new AuditEntry(started, operator.user(), operator.host(), environment, command, arguments,
                generation, result, Duration.between(started, clock.instant())));
    }

    /** Who this coordinator acts as (lock holder, audit "who"). */
    public Operator operator() {
        return operator;
    }

    public Clock clock() {
        return clock;
    }

    public CoordinatorBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        backend.close();
    }
}
