package io.neckbeard.coordinator.simpledb;

import com.amazonaws.AmazonWebServiceClient;
import com.amazonaws.services.simpledb.AmazonSimpleDB;
import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.ConflictException;
import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.LockLostException;
import io.neckbeard.coordinator.LockedException;
import io.neckbeard.coordinator.StaleLocks;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.coordinator.simpledb.SimpleDbDomain.ConditionFailed;
import io.neckbeard.coordinator.simpledb.SimpleDbDomain.Expected;
import io.neckbeard.coordinator.yaml.AuditLines;
import io.neckbeard.coordinator.yaml.StateYaml;
import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code simpledb} backend. Each environment has a head item {@code ENV} whose attribute
 * {@code head} = {@code VERSION/LOCK_TOKEN} is the one value every state write and every lock
 * change is conditional on (SimpleDB checks one attribute per put), so a write fenced by a lock
 * checks version and lock in one atomic put. The head item also points at the state (an immutable
 * {@link Blobs blob}, {@code ENV/state/UUID}), holds the lock record and the audit counter;
 * audit entries are blobs {@code ENV/audit/SEQ}. Every read is consistent.
 */
public final class SimpleDbBackend implements CoordinatorBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SimpleDbBackend.class);
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String REGISTRY = "environments";
    private static final String HEAD = "head";
    private static final String STATE = "state";
    private static final String LOCK_CHUNKS = "lock_chunks";
    private static final String AUDIT_SEQ = "audit_seq";
    /** How often a read retries when a newer write deleted the state it was about to read. */
    private static final int READ_ATTEMPTS = 10;

    private final AmazonSimpleDB client;
    private final SimpleDbDomain domain;
    private final Blobs blobs;
    /** The local disaster-recovery copy, or null when {@code coordinator.mirror} is not set. */
    private final LocalYamlBackend mirror;

    /** @param mirror the local-yaml copy written after every state write and audit entry, or null */
    public SimpleDbBackend(AmazonSimpleDB client, String domain, String region, LocalYamlBackend mirror) {
        this.client = client;
        this.domain = new SimpleDbDomain(client, domain, region);
        this.blobs = new Blobs(this.domain);
        this.mirror = mirror;
    }

    @Override
    public List<String> environments() {
        List<String> names = new ArrayList<>(domain.get(REGISTRY).getOrDefault("name", List.of()));
        names.removeIf(name -> readHead(name).version() == 0);
        return names.stream().sorted().toList();
    }

    @Override
    public EnvironmentState read(String environment) {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            Head head = readHead(environment);
            if (head.stateBase() == null) {
                return EnvironmentState.empty(environment);
            }
            Optional<String> text = blobs.read(head.stateBase());
            if (text.isPresent()) {
                String source = domain.describe() + ", item " + Blobs.item(head.stateBase(), 0);
                EnvironmentState state = StateYaml.decode(environment, text.get(), source);
                if (state.version() != head.version()) {
                    throw damaged(source, "version " + state.version() + ", but the head item says " + head.version());
                }
                return state;
            }
        }
        throw new CoordinatorException(ExitCode.FAILED, "the state of " + environment + " in " + domain.describe()
                + " kept changing while it was read", "retry", null);
    }

    @Override
    public EnvironmentState write(EnvironmentState state) {
        return write(state, null);
    }

    @Override
    public EnvironmentState write(EnvironmentState state, LockInfo lock) {
        String environment = state.environment();
        Head head = readHead(environment);
        checkWritable(head, state, lock);
        EnvironmentState next = state.withVersion(head.version() + 1);
        String base = environment + "/state/" + UUID.randomUUID();
        int items = blobs.write(base, StateYaml.encode(next));
        try {
            if (head.version() == 0) {
                domain.put(REGISTRY, Map.of("name", environment), false, null);
            }
            while (true) {
                try {
                    Map<String, String> update = new LinkedHashMap<>();
                    update.put(HEAD, next.version() + "/" + head.token());
                    update.put(STATE, base + ";" + items);
                    domain.put(environment, update, true, head.expected());
                    break;
                } catch (ConditionFailed changed) {
                    head = readHead(environment);
                    checkWritable(head, state, lock);
                }
            }
        } catch (RuntimeException refused) {
            deleteQuietly(base, items);
            throw refused;
        }
        if (head.stateBase() != null) {
            deleteQuietly(head.stateBase(), head.stateItems());
        }
        if (mirror != null) {
            mirrorQuietly(next);
        }
        return next;
    }

    private void checkWritable(Head head, EnvironmentState state, LockInfo lock) {
        if (lock != null && !head.token().equals(lock.token())) {
            throw LockLostException.of(lock, head.token().isEmpty() ? Optional.empty() : lockOf(head));
        }
        if (head.version() != state.version()) {
            throw new ConflictException(state.environment(), state.version(), head.version());
        }
    }

    @Override
    public LockInfo acquire(String environment, String holder, String host, long pid, String command, Duration ttl) {
        while (true) {
            Head head = readHead(environment);
            Instant now = Instant.now();
            StaleLocks.requireTakeable(environment, lockOf(head), host, now);
            LockInfo lock = new LockInfo(environment, holder, host, pid, command, now, now.plus(ttl),
                    UUID.randomUUID().toString());
            try {
                putLock(head, lock.token(), lock);
                return lock;
            } catch (ConditionFailed changed) {
                // someone else changed the head item: look again
            }
        }
    }

    @Override
    public LockInfo renew(LockInfo lock, Duration ttl) {
        while (true) {
            Head head = readHead(lock.environment());
            LockInfo current = lockOf(head).orElseThrow(() -> new LockLostException(lock));
            if (!current.token().equals(lock.token())) {
                throw new LockedException(current);
            }
            LockInfo renewed = current.renewedUntil(Instant.now().plus(ttl));
            try {
                putLock(head, lock.token(), renewed);
                return renewed;
            } catch (ConditionFailed changed) {
                // a state write or a takeover came first: look again
            }
        }
    }

    @Override
    public void release(LockInfo lock) {
        while (true) {
            Head head = readHead(lock.environment());
            if (!head.token().equals(lock.token())) {
                return;
            }
            try {
                putLock(head, "", null);
                return;
            } catch (ConditionFailed changed) {
                // a state write came first: look again
            }
        }
    }

    @Override
    public Optional<LockInfo> lock(String environment) {
        return lockOf(readHead(environment));
    }

    @Override
    public Optional<LockInfo> forceRelease(String environment) {
        while (true) {
            Head head = readHead(environment);
            if (head.token().isEmpty()) {
                return Optional.empty();
            }
            Optional<LockInfo> current;
            try {
                current = lockOf(head);
            } catch (CoordinatorException damaged) {
                if (damaged.exitCode() != ExitCode.USAGE) {
                    throw damaged;
                }
                LOG.warn("removing a lock record that does not parse: {}", damaged.getMessage());
                current = Optional.empty();
            }
            try {
                putLock(head, "", null);
                return current;
            } catch (ConditionFailed changed) {
                // look again
            }
        }
    }

    /** Sets the head's lock token, and the lock record when {@code lock} is given, if the head is still {@code head}. */
    private void putLock(Head head, String token, LockInfo lock) {
        Map<String, String> update = new LinkedHashMap<>();
        update.put(HEAD, head.version() + "/" + token);
        if (lock != null) {
            List<String> chunks = Chunks.split(StateYaml.encode(lock));
            update.put(LOCK_CHUNKS, Integer.toString(chunks.size()));
            update.putAll(SimpleDbDomain.numbered("l", chunks));
        }
        domain.put(head.environment(), update, true, head.expected());
    }

    private Optional<LockInfo> lockOf(Head head) {
        if (head.token().isEmpty()) {
            return Optional.empty();
        }
        String source = domain.describe() + ", item " + head.environment() + " (lock)";
        try {
            int count = Integer.parseInt(head.single(LOCK_CHUNKS));
            List<String> chunks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                chunks.add(head.single(String.format(java.util.Locale.ROOT, "l.%03d", i)));
            }
            LockInfo lock = StateYaml.decodeLock(head.environment(), Chunks.join(chunks), source);
            if (!lock.token().equals(head.token())) {
                throw damaged(source, "the lock record is not the one the head names");
            }
            return Optional.of(lock);
        } catch (IllegalArgumentException e) {
            throw damaged(source, "the lock record does not decode (" + e.getMessage() + ")");
        }
    }

    @Override
    public void append(AuditEntry entry) {
        String environment = entry.environment();
        String line = AuditLines.encode(entry);
        long seq;
        while (true) {
            Map<String, List<String>> item = domain.get(itemName(environment));
            List<String> current = item.get(AUDIT_SEQ);
            long last = current == null ? 0 : parseNumber(current.get(0), environment, AUDIT_SEQ);
            try {
                domain.put(environment, Map.of(AUDIT_SEQ, Long.toString(last + 1)), true,
                        new Expected(AUDIT_SEQ, current == null ? null : current.get(0)));
                seq = last + 1;
                break;
            } catch (ConditionFailed appendedMeanwhile) {
                // another entry took that number: take the next
            }
        }
        blobs.write(auditBase(environment, seq), line);
        if (mirror != null) {
            try {
                mirror.append(entry);
            } catch (RuntimeException e) {
                LOG.warn("could not append to the mirror of {}: {}", environment, e.getMessage());
            }
        }
    }

    @Override
    public List<AuditEntry> audit(String environment, int limit) {
        List<String> seq = domain.get(itemName(environment)).get(AUDIT_SEQ);
        List<AuditEntry> entries = new ArrayList<>();
        for (long n = seq == null ? 0 : parseNumber(seq.get(0), environment, AUDIT_SEQ); n > 0 && entries.size() < limit; n--) {
            String base = auditBase(environment, n);
            String source = domain.describe() + ", item " + Blobs.item(base, 0);
            try {
                // A missing entry was numbered by an append that has not stored it yet, or never will (it crashed).
                blobs.read(base).ifPresent(line -> entries.add(AuditLines.decode(line, source)));
            } catch (CoordinatorException e) {
                if (e.exitCode() != ExitCode.USAGE) {
                    throw e;
                }
                LOG.warn("skipping a damaged audit entry: {}", e.getMessage());
            }
        }
        return entries;
    }

    @Override
    public void close() {
        if (client instanceof AmazonWebServiceClient connections) {
            connections.shutdown(); // its HTTP connection pool; a test double has none
        }
    }

    private Head readHead(String environment) {
        Map<String, List<String>> item = domain.get(itemName(environment));
        return Head.of(environment, item, domain.describe());
    }

    private static String auditBase(String environment, long seq) {
        return String.format(java.util.Locale.ROOT, "%s/audit/%019d", environment, seq);
    }

    private String itemName(String environment) {
        if (!ENVIRONMENT_NAME.matcher(environment).matches() || environment.equals(REGISTRY)) {
            throw new CoordinatorException(ExitCode.USAGE, "'" + environment + "' is not a valid environment name",
                    "use letters, digits, '-', '_' and '.', starting with a letter or digit", null);
        }
        return environment;
    }

    private long parseNumber(String value, String item, String attribute) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw damaged(domain.describe() + ", item " + item, attribute + " is not a number: " + value);
        }
    }

    private void deleteQuietly(String base, int items) {
        try {
            blobs.delete(base, items);
        } catch (RuntimeException e) {
            LOG.warn("could not delete the unused state items {}#0..{} from {}: {}", base, items - 1, domain.describe(),
                    e.getMessage());
        }
    }

    /** The write is stored already; a mirror that cannot be written is worth a warning, not a failed command. */
    private void mirrorQuietly(EnvironmentState state) {
        try {
            mirror.mirror(state);
        } catch (RuntimeException e) {
            LOG.warn("could not mirror the state of {} (coordinator.mirror): {}", state.environment(), e.getMessage());
        }
    }

    static CoordinatorException damaged(String source, String what) {
        return new CoordinatorException(ExitCode.USAGE, source + ": " + what, "the stored record was not changed; "
                + "fix it, or restore the state from the mirror with 'neckbeard coordinator migrate' (docs/coordinator.md)",
                null);
    }
}
