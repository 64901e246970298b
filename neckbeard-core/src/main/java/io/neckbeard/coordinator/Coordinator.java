package io.neckbeard.coordinator;

import io.neckbeard.config.Project;
import io.neckbeard.config.TypedSettings;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.state.EnvironmentState;

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
    /** How long a lock lives without renewal; a session renews it every third of this. */
    public static final Duration DEFAULT_LOCK_TTL = Duration.ofMinutes(5);
    public static final String DEFAULT_TYPE = "local-yaml";

    private final CoordinatorBackend backend;
    private final Operator operator;
    private final Duration lockTtl;
    private final Clock clock;
    /** How many sessions this coordinator opened: a refusal after one was audited by that session. */
    private final AtomicLong sessionsOpened = new AtomicLong();

    public Coordinator(CoordinatorBackend backend) {
        this(backend, Operator.current(), DEFAULT_LOCK_TTL, Clock.systemUTC());
    }

    public Coordinator(CoordinatorBackend backend, Operator operator, Duration lockTtl, Clock clock) {
        this.backend = backend;
        this.operator = operator;
        this.lockTtl = lockTtl;
        this.clock = clock;
    }

    /** The backend named by the project's {@code coordinator.type} (default {@code local-yaml}). */
    public static Coordinator open(Project project, Plugins plugins) {
        TypedSettings settings = project.coordinator();
        String type = settings == null || settings.type() == null ? DEFAULT_TYPE : settings.type();
        Map<String, Object> values = settings == null ? Map.of() : settings.settings();
        CoordinatorBackendFactory factory = plugins.find(CoordinatorBackendFactory.class, type, "coordinator backend");
        return new Coordinator(factory.create(new CoordinatorContext(project.root(), project.app(), values, project.region())));
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
            lock = backend.acquire(environment, operator.holder(), operator.host(), operator.pid(), command, lockTtl);
        } catch (LockedException held) {
            audit(environment, command, arguments, null, "locked", started);
            throw held;
        }
        sessionsOpened.incrementAndGet();
        return LockedSession.start(backend, lock, operator, arguments, lockTtl, clock);
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
