package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.ConflictException;
import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.LockLostException;
import io.neckbeard.coordinator.LockedException;
import io.neckbeard.coordinator.StaleLocks;
import io.neckbeard.coordinator.yaml.AuditLines;
import io.neckbeard.coordinator.yaml.StateYaml;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.FileTrees;
import io.neckbeard.core.Names;
import io.neckbeard.state.EnvironmentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The {@code local-yaml} backend: {@code <root>/<env>/state.yml}, {@code lock.yml} and
 * {@code audit.log}. Every change happens under the environment's OS file lock
 * ({@code <env>/.lock-file}), which serialises processes, and a per-directory
 * {@link ReentrantLock}, which serialises threads of this JVM (the OS lock is per process).
 * Reads take no lock: files are only ever replaced by an atomic rename.
 */
public final class LocalYamlBackend implements CoordinatorBackend {
    private static final Logger LOG = LoggerFactory.getLogger(LocalYamlBackend.class);
    /** Shared by every instance in the JVM: two backends over one directory must still exclude each other. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    /** Parsed states by file: parsing thousands of nodes costs far more than checking that the file is unchanged. */
    private final Map<Path, ParsedState> parsed = new ConcurrentHashMap<>();

    public LocalYamlBackend(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<String> environments() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("state.yml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw storageError("cannot list " + root, e);
        }
    }

    /**
     * Creates and removes a scratch file in the state directory (in its nearest existing parent
     * before the first deploy creates it): the writes a state change needs, with no state touched.
     */
    @Override
    public String probe() {
        Path dir = root;
        while (dir != null && !Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new CoordinatorException(ExitCode.FAILED, "no directory of " + root + " exists",
                    "check coordinator.path in neckbeard/config.yml", null);
        }
        try {
            Files.delete(Files.createTempFile(dir, ".neckbeard-probe-", ".tmp"));
        } catch (IOException e) {
            throw storageError("cannot write in " + dir, e);
        }
        environments();
        return "wrote and removed a file in " + dir;
    }

    @Override
    public EnvironmentState read(String environment) {
        Path file = stateFile(environment);
        Optional<FileIdentity> before = identity(file);
        if (before.isEmpty()) {
            return EnvironmentState.empty(environment);
        }
        ParsedState known = parsed.get(file);
        if (known != null && known.identity().equals(before.get())) {
            return known.state();
        }
        Optional<EnvironmentState> state = readText(file).map(text -> StateYaml.decode(environment, text, file.toString()));
        // Cached under the identity seen before reading: if the file was replaced meanwhile, the next read misses.
        state.ifPresent(read -> parsed.put(file, new ParsedState(before.get(), read)));
        return state.orElseGet(() -> EnvironmentState.empty(environment));
    }

    @Override
    public EnvironmentState write(EnvironmentState state) {
        return exclusive(state.environment(), () -> writeVersioned(state));
    }

    @Override
    public EnvironmentState write(EnvironmentState state, LockInfo lock) {
        return exclusive(state.environment(), () -> {
            Optional<LockInfo> current = lock(state.environment());
            if (current.isEmpty() || !current.get().token().equals(lock.token())) {
                throw LockLostException.of(lock, current);
            }
            return writeVersioned(state);
        });
    }

    /**
     * Stores {@code state} as it is, version included, unless the stored state is as new or newer:
     * the disaster-recovery copy another backend keeps of its writes ({@code coordinator.mirror}),
     * which this backend (and so {@code coordinator migrate}) reads like any other.
     */
    public void mirror(EnvironmentState state) {
        exclusive(state.environment(), () -> {
            Path file = stateFile(state.environment());
            if (storedVersion(state.environment(), file) < state.version()) {
                AtomicFiles.write(file, StateYaml.encode(state));
            }
            return null;
        });
    }

    /** The compare-and-set write; runs under both locks. */
    private EnvironmentState writeVersioned(EnvironmentState state) throws IOException {
        String environment = state.environment();
        Path file = stateFile(environment);
        long stored = storedVersion(environment, file);
        if (stored != state.version()) {
            throw new ConflictException(environment, state.version(), stored);
        }
        EnvironmentState next = state.withVersion(stored + 1);
        AtomicFiles.write(file, StateYaml.encode(next));
        FileIdentity.of(file).ifPresent(identity -> parsed.put(file, new ParsedState(identity, next)));
        return next;
    }

    @Override
    public LockInfo acquire(String environment, String holder, String host, long pid, String command, Duration ttl) {
        return exclusive(environment, () -> {
            Instant now = Instant.now();
            StaleLocks.requireTakeable(environment, lock(environment), host, now);
            LockInfo lock = new LockInfo(environment, holder, host, pid, command, now, now.plus(ttl),
                    UUID.randomUUID().toString());
            AtomicFiles.write(lockFile(environment), StateYaml.encode(lock));
            return lock;
        });
    }

    @Override
    public LockInfo renew(LockInfo lock, Duration ttl) {
        return exclusive(lock.environment(), () -> {
            LockInfo current = lock(lock.environment()).orElseThrow(() -> new LockLostException(lock));
            if (!current.token().equals(lock.token())) {
                throw new LockedException(current);
            }
            LockInfo renewed = current.renewedUntil(Instant.now().plus(ttl));
            AtomicFiles.write(lockFile(lock.environment()), StateYaml.encode(renewed));
            return renewed;
        });
    }

    @Override
    public void release(LockInfo lock) {
        exclusive(lock.environment(), () -> {
            Optional<LockInfo> current = lock(lock.environment());
            if (current.isPresent() && current.get().token().equals(lock.token())) {
                Files.delete(lockFile(lock.environment()));
            }
            return null;
        });
    }

    @Override
    public Optional<LockInfo> lock(String environment) {
        Path file = lockFile(environment);
        return readText(file).map(text -> StateYaml.decodeLock(environment, text, file.toString()));
    }

    @Override
    public Optional<LockInfo> forceRelease(String environment) {
        return exclusive(environment, () -> {
            Optional<LockInfo> current;
            try {
                current = lock(environment);
            } catch (CoordinatorException damaged) {
                if (damaged.exitCode() != ExitCode.USAGE) {
                    throw damaged;
                }
                LOG.warn("removing a lock file that does not parse: {}", damaged.getMessage());
                current = Optional.empty();
            }
            Files.deleteIfExists(lockFile(environment));
            return current;
        });
    }

    @Override
    public void append(AuditEntry entry) {
        String line = AuditLines.encode(entry);
        exclusive(entry.environment(), () -> {
            AtomicFiles.appendLine(auditFile(entry.environment()), line);
            return null;
        });
    }

    @Override
    public List<AuditEntry> audit(String environment, int limit) {
        Path file = auditFile(environment);
        if (!Files.exists(file) || limit <= 0) {
            return List.of();
        }
        try {
            // A damaged line (torn by a crash mid-append, or hand-edited) is skipped with a warning, and
            // one more line read in its place: the rest of the trail is still worth showing.
            int skipped = 0;
            while (true) {
                List<String> lines = TailReader.lastLines(file, limit + skipped);
                List<AuditEntry> entries = new ArrayList<>(lines.size());
                int damaged = 0;
                for (int i = 0; i < lines.size() && entries.size() < limit; i++) {
                    try {
                        entries.add(AuditLines.decode(lines.get(i), file + " (line " + (i + 1) + " from the end)"));
                    } catch (CoordinatorException e) {
                        damaged++;
                        if (damaged > skipped) {
                            LOG.warn("skipping a damaged audit entry: {}", e.getMessage());
                        }
                    }
                }
                if (entries.size() == limit || lines.size() < limit + skipped) {
                    return entries;
                }
                skipped = damaged;
            }
        } catch (IOException e) {
            throw storageError("cannot read " + file, e);
        }
    }

    @Override
    public void close() {
        // Every operation opens and closes its own files; nothing is held between calls.
    }

    private <T> T exclusive(String environment, IoAction<T> action) {
        Path dir = environmentDir(environment);
        ReentrantLock inThisJvm = JVM_LOCKS.computeIfAbsent(dir, key -> new ReentrantLock());
        inThisJvm.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock-file"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock acrossProcesses = channel.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw storageError("cannot update the state of " + environment + " in " + dir, e);
        } finally {
            inThisJvm.unlock();
        }
    }

    private static Optional<FileIdentity> identity(Path file) {
        try {
            return FileIdentity.of(file);
        } catch (IOException e) {
            throw storageError("cannot read " + file, e);
        }
    }

    /**
     * The version on the first line of the stored state, 0 when there is none; the second line must
     * name {@code environment}. Only those lines are read: loading megabytes of history to learn
     * one number was wasted work, and the check is no weaker for it, since it runs under both
     * locks and every writer replaces the file by an atomic rename, so the lines read are those of
     * the newest complete file.
     */
    private static long storedVersion(String environment, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(StateYaml.HEAD_BYTES), StandardCharsets.UTF_8);
            return StateYaml.version(environment, head, file.toString());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw storageError("cannot read " + file, e);
        }
    }

    private Optional<String> readText(Path file) {
        try {
            return Optional.of(StateYaml.text(Files.readAllBytes(file), file.toString()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw storageError("cannot read " + file, e);
        }
    }

    private Path environmentDir(String environment) {
        if (!Names.isSafe(environment)) {
            throw new CoordinatorException(ExitCode.USAGE, "'" + environment + "' is not a valid environment name",
                    Names.RULE, null);
        }
        return FileTrees.within(root, environment);
    }

    private Path stateFile(String environment) {
        return environmentDir(environment).resolve("state.yml");
    }

    private Path lockFile(String environment) {
        return environmentDir(environment).resolve("lock.yml");
    }

    private Path auditFile(String environment) {
        return environmentDir(environment).resolve("audit.log");
    }

    private static CoordinatorException storageError(String message, IOException cause) {
        return new CoordinatorException(ExitCode.FAILED, message + ": " + cause.getMessage(),
                "check that the coordinator path exists and is writable (coordinator.path in neckbeard/config.yml)", cause);
    }

    private record ParsedState(FileIdentity identity, EnvironmentState state) {
    }

    /** The work done while holding both locks. */
    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }
}
