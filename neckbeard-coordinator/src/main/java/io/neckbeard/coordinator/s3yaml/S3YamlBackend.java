package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.ConflictException;
import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.LockLostException;
import io.neckbeard.coordinator.LockedException;
import io.neckbeard.coordinator.yaml.AuditLines;
import io.neckbeard.coordinator.yaml.StateYaml;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Names;
import io.neckbeard.state.EnvironmentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code s3-yaml} backend: per environment, under the prefix, {@code <env>/state.yml} (the
 * local-yaml schema), {@code <env>/lock.yml}, and {@code <env>/audit/<key>.json}, one object per
 * audit entry. Every change is a conditional request, so S3 itself serialises the writers of all
 * machines: a state write carries {@code If-Match} with the ETag of the version it replaces (or
 * {@code If-None-Match: *} for the first), and so does every lock change; a 412 is a lost race.
 */
public final class S3YamlBackend implements CoordinatorBackend {
    private static final Logger LOG = LoggerFactory.getLogger(S3YamlBackend.class);
    /** How often a lock change that lost a race to another writer is tried again before giving up. */
    private static final int LOCK_ATTEMPTS = 10;
    /** How many audit objects {@link #audit} reads at once: history is N small GETs, each a round trip. */
    private static final int AUDIT_FETCHERS = 8;

    private final S3Objects objects;
    private final S3YamlSettings settings;
    /** The version and ETag of each environment's state as this backend last read or wrote it. */
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** The newest audit key time used by this JVM, so that its entries list in the order they were appended. */
    private final AtomicLong lastAuditMicros = new AtomicLong();

    S3YamlBackend(S3YamlSettings settings, S3Client s3) {
        this(new S3Objects(settings, s3));
    }

    S3YamlBackend(S3Objects objects) {
        this.settings = objects.settings();
        this.objects = objects;
    }

    /** Opens the backend with a client built from the settings and the SDK's chains. */
    static S3YamlBackend open(S3YamlSettings settings) {
        return new S3YamlBackend(settings, S3Clients.create(settings));
    }

    @Override
    public List<String> environments() {
        List<String> environments = new ArrayList<>();
        for (String folder : objects.folders(settings.prefix())) {
            String name = folder.substring(settings.prefix().length(), folder.length() - 1);
            String state = folder + "state.yml";
            if (objects.keys(state, 1).contains(state)) {
                environments.add(name);
            }
        }
        return environments.stream().sorted().toList();
    }

    @Override
    public EnvironmentState read(String environment) {
        String key = stateKey(environment);
        Optional<S3Objects.Stored> stored = objects.get(key);
        if (stored.isEmpty()) {
            known.remove(environment);
            return EnvironmentState.empty(environment);
        }
        EnvironmentState state = StateYaml.decode(environment, StateYaml.text(stored.get().bytes(), settings.url(key)),
                settings.url(key));
        known.put(environment, new Known(state.version(), stored.get().etag()));
        return state;
    }

    @Override
    public EnvironmentState write(EnvironmentState state) {
        String environment = state.environment();
        String key = stateKey(environment);
        String ifMatch = null;
        if (state.version() != 0) {
            Known last = known.get(environment);
            if (last == null || last.version() != state.version()) {
                // Not read through this backend: read it all now, so that an If-Match only ever names an
                // object that decoded (a damaged one is exit 2 here, and so is never overwritten).
                long stored = read(environment).version();
                last = known.get(environment);
                if (stored != state.version() || last == null) {
                    throw new ConflictException(environment, state.version(), stored);
                }
            }
            ifMatch = last.etag();
        }
        EnvironmentState next = state.withVersion(state.version() + 1);
        String writeId = UUID.randomUUID().toString();
        Optional<String> etag = objects.put(key, StateYaml.encode(next), ifMatch, writeId);
        if (etag.isEmpty()) {
            known.remove(environment);
            // Read to name the version found, and so that a damaged object is reported as such (exit 2).
            Optional<S3Objects.Stored> head = objects.head(key, StateYaml.HEAD_BYTES);
            if (head.isPresent() && writeId.equals(head.get().writeId())) {
                etag = Optional.of(head.get().etag()); // a retried request whose first attempt was stored
            } else {
                throw new ConflictException(environment, state.version(),
                        head.map(found -> storedVersion(environment, found)).orElse(0L));
            }
        }
        known.put(environment, new Known(next.version(), etag.get()));
        return next;
    }

    /**
     * Checks the lock, then writes with compare-and-set. S3 cannot make one request conditional on
     * two objects, so a lock broken between the check and the write does not stop that one write;
     * it cannot overwrite the new holder's work though: any state the new holder wrote changed the
     * ETag, and the write fails with a conflict (docs/coordinator.md, "Atomicity").
     */
    @Override
    public EnvironmentState write(EnvironmentState state, LockInfo lock) {
        Optional<LockInfo> current = lock(state.environment());
        if (current.isEmpty() || !current.get().token().equals(lock.token())) {
            throw LockLostException.of(lock, current);
        }
        return write(state);
    }

    @Override
    public LockInfo acquire(String environment, String holder, String host, long pid, String command, Duration ttl) {
        String key = lockKey(environment);
        String ifMatch = null;
        LockInfo expired = null;
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            Instant now = Instant.now();
            LockInfo mine = new LockInfo(environment, holder, host, pid, command, now, now.plus(ttl),
                    UUID.randomUUID().toString());
            Optional<String> taken = objects.put(key, StateYaml.encode(mine), ifMatch, mine.token());
            Optional<S3Objects.Stored> stored = taken.isPresent() ? Optional.empty() : objects.get(key);
            if (taken.isPresent() || stored.isPresent() && mine.token().equals(stored.get().writeId())) {
                if (expired != null) {
                    auditTakeover(mine, expired);
                }
                return mine;
            }
            if (stored.isEmpty()) {
                ifMatch = null;
                expired = null;
                continue;
            }
            LockInfo current = decodeLock(environment, stored.get());
            if (!current.staleFor(host, Instant.now())) {
                throw new LockedException(current);
            }
            ifMatch = stored.get().etag();
            expired = current;
        }
        throw contended(environment);
    }

    @Override
    public LockInfo renew(LockInfo lock, Duration ttl) {
        String key = lockKey(lock.environment());
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            S3Objects.Stored stored = objects.get(key).orElseThrow(() -> new LockLostException(lock));
            LockInfo current = decodeLock(lock.environment(), stored);
            if (!current.token().equals(lock.token())) {
                throw new LockedException(current);
            }
            LockInfo renewed = current.renewedUntil(Instant.now().plus(ttl));
            if (objects.put(key, StateYaml.encode(renewed), stored.etag(), lock.token()).isPresent()) {
                return renewed;
            }
        }
        throw contended(lock.environment());
    }

    @Override
    public void release(LockInfo lock) {
        String key = lockKey(lock.environment());
        Optional<S3Objects.Stored> stored = objects.get(key);
        if (stored.isPresent() && decodeLock(lock.environment(), stored.get()).token().equals(lock.token())) {
            // Conditional: if the lock changed since it was read, it is someone else's now, and stays.
            objects.delete(key, stored.get().etag());
        }
    }

    @Override
    public Optional<LockInfo> lock(String environment) {
        return objects.get(lockKey(environment)).map(stored -> decodeLock(environment, stored));
    }

    @Override
    public Optional<LockInfo> forceRelease(String environment) {
        String key = lockKey(environment);
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            Optional<S3Objects.Stored> stored = objects.get(key);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Optional<LockInfo> current;
            try {
                current = Optional.of(decodeLock(environment, stored.get()));
            } catch (CoordinatorException damaged) {
                if (damaged.exitCode() != ExitCode.USAGE) {
                    throw damaged;
                }
                LOG.warn("removing a lock object that does not parse: {}", damaged.getMessage());
                current = Optional.empty();
            }
            // Only what was read is removed: a lock taken in between is reported, not broken blind.
            if (objects.delete(key, stored.get().etag())) {
                return current;
            }
        }
        throw contended(environment);
    }

    /** One object per entry, so an append never rewrites the trail; keys sort newest first. */
    @Override
    public void append(AuditEntry entry) {
        String text = AuditLines.encode(entry);
        String prefix = auditPrefix(entry.environment());
        String writeId = UUID.randomUUID().toString();
        for (String key = prefix + nextAuditName(); objects.put(key, text, null, writeId).isEmpty(); key = prefix + nextAuditName()) {
            if (objects.get(key).map(stored -> writeId.equals(stored.writeId())).orElse(false)) {
                return; // a retried request whose first attempt was stored
            }
            LOG.debug("audit key collision at {}; drawing another", key);
        }
    }

    /** The newest {@code limit} keys (one listing page per 1,000), then their objects, fetched in parallel. */
    @Override
    public List<AuditEntry> audit(String environment, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<String> keys = objects.keys(auditPrefix(environment), limit);
        if (keys.isEmpty()) {
            return List.of();
        }
        ExecutorService fetchers = Executors.newFixedThreadPool(Math.min(AUDIT_FETCHERS, keys.size()), daemon -> {
            Thread thread = new Thread(daemon, "audit-fetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Optional<S3Objects.Stored>>> fetched = new ArrayList<>();
            for (String key : keys) {
                fetched.add(fetchers.submit(() -> objects.get(key)));
            }
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String url = settings.url(keys.get(i));
                Optional<S3Objects.Stored> stored = result(fetched.get(i));
                if (stored.isEmpty()) {
                    continue; // removed since listed, e.g. by a lifecycle rule
                }
                try {
                    entries.add(AuditLines.decode(StateYaml.text(stored.get().bytes(), url), url));
                } catch (CoordinatorException e) {
                    LOG.warn("skipping a damaged audit entry: {}", e.getMessage());
                }
            }
            return entries;
        } finally {
            fetchers.shutdownNow();
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinatorException(ExitCode.INTERRUPTED, "interrupted while reading the audit trail", "re-run", e);
        }
    }

    @Override
    public void close() {
        objects.close();
    }

    /**
     * An inverted, zero-padded count of microseconds since the epoch, so S3's lexicographic listing
     * returns the newest first, and a random suffix, so two machines appending in the same
     * microsecond do not collide. Ordering across machines is as good as their clocks.
     */
    private String nextAuditName() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long micros = lastAuditMicros.updateAndGet(last -> Math.max(now, last + 1));
        return String.format(Locale.ROOT, "%019d-%08x.json", Long.MAX_VALUE - micros, ThreadLocalRandom.current().nextInt());
    }

    /** The takeover of an expired lock, audited: whoever held it should learn that their command was cut off. */
    private void auditTakeover(LockInfo mine, LockInfo expired) {
        LOG.warn("took over the expired lock of {} held by {} (pid {}, '{}', expired {})", mine.environment(),
                expired.holder(), expired.pid(), expired.command(), expired.expiresAt());
        String user = mine.holder().contains("@") ? mine.holder().substring(0, mine.holder().indexOf('@')) : mine.holder();
        append(new AuditEntry(mine.acquiredAt(), user, mine.host(), mine.environment(), "lock takeover",
                List.of("(took over the expired lock of " + expired.holder() + ", pid " + expired.pid() + ", '"
                        + expired.command() + "', expired " + expired.expiresAt() + ", for '" + mine.command() + "')"),
                null, "ok", Duration.ZERO));
    }

    private long storedVersion(String environment, S3Objects.Stored head) {
        String key = stateKey(environment);
        return StateYaml.version(environment, head.text(), settings.url(key));
    }

    private LockInfo decodeLock(String environment, S3Objects.Stored stored) {
        String url = settings.url(lockKey(environment));
        return StateYaml.decodeLock(environment, StateYaml.text(stored.bytes(), url), url);
    }

    private CoordinatorException contended(String environment) {
        return new CoordinatorException(ExitCode.FAILED, "the lock of " + environment + " in " + settings.url(
                lockKey(environment)) + " kept changing under us (" + LOCK_ATTEMPTS + " attempts)",
                "re-run; if it repeats, check who else runs neckbeard on " + environment + " (neckbeard lock status "
                        + environment + ")", null);
    }

    /** The environment's "folder"; a name that is not one key segment could reach another environment's objects. */
    private String environmentPrefix(String environment) {
        if (!Names.isSafe(environment)) {
            throw new CoordinatorException(ExitCode.USAGE, "'" + environment + "' is not a valid environment name",
                    Names.RULE, null);
        }
        return settings.prefix() + environment + "/";
    }

    private String stateKey(String environment) {
        return environmentPrefix(environment) + "state.yml";
    }

    private String lockKey(String environment) {
        return environmentPrefix(environment) + "lock.yml";
    }

    private String auditPrefix(String environment) {
        return environmentPrefix(environment) + "audit/";
    }

    private record Known(long version, String etag) {
    }
}
