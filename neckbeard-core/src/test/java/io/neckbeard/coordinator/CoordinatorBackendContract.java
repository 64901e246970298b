package io.neckbeard.coordinator;

import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link CoordinatorBackend} passes (docs/coordinator.md, "What each backend guarantees"). A backend's test extends
 * this class and says how to create a fresh, empty backend, and how to open a second one over
 * the same storage; every test gets its own pair. What was written is read back through the
 * second one, so a test proves what was stored, not what the writer remembers.
 */
public abstract class CoordinatorBackendContract {
    protected static final String HOST = "contract-host";
    protected static final long LIVE_PID = ProcessHandle.current().pid();
    protected static final Duration LONG = Duration.ofMinutes(5);

    protected CoordinatorBackend backend;
    /** Another backend over {@link #backend}'s storage that shares no memory with it (a second process, in effect). */
    protected CoordinatorBackend reopened;

    /** A new backend over new, empty storage. */
    protected abstract CoordinatorBackend createBackend() throws Exception;

    /** A new backend over the storage of {@link #backend}, sharing no cache with it. */
    protected abstract CoordinatorBackend reopenBackend() throws Exception;

    @BeforeEach
    void openBackend() throws Exception {
        backend = createBackend();
        reopened = reopenBackend();
    }

    @AfterEach
    void closeBackend() {
        reopened.close();
        backend.close();
    }

    @Test
    void readsAnUnknownEnvironmentAsEmptyAtVersionZero() {
        EnvironmentState state = backend.read("staging");

        assertThat(state).isEqualTo(EnvironmentState.empty("staging"));
        assertThat(reopened.environments()).doesNotContain("staging");
    }

    /** What {@code doctor} asks: the store answers, and nothing it holds changes. */
    @Test
    void aProbeChangesNoStateLockOrAuditEntry() {
        EnvironmentState written = backend.write(fullState("production"));
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);
        backend.append(entry("production", Instant.parse("2026-12-01T10:00:00Z"), "up", 1L));

        String proved = backend.probe();

        assertThat(proved).isNotBlank();
        assertThat(reopened.read("production")).isEqualTo(written);
        assertThat(reopened.lock("production")).contains(held);
        assertThat(reopened.audit("production", 10)).hasSize(1);
        assertThat(reopened.environments()).containsExactly("production");
    }

    @Test
    void roundTripsEveryFieldOfAState() {
        EnvironmentState written = backend.write(fullState("production"));

        assertThat(written).isEqualTo(fullState("production").withVersion(1));
        assertThat(reopened.read("production")).isEqualTo(written);
        assertThat(backend.read("production")).isEqualTo(written);
    }

    @Test
    void roundTripsTextThatYamlReadersRefuseOrMisread() {
        String hostile = "c1\u0080\u0085\u009f nonchar\ufffe\uffff bom\ufeff seps\u2028\u2029 c0\u0000\u001b\u007f"
                + " astral\ud83d\ude00 lone\ud800 quote\"back\\slash: #x";
        String longName = "V".repeat(1500);
        EnvironmentState state = EnvironmentState.empty("production").withVars(Map.of("HOSTILE", hostile, longName, hostile));

        EnvironmentState written = backend.write(state);

        assertThat(reopened.read("production")).isEqualTo(written);
        assertThat(reopened.read("production").vars()).containsEntry(longName, hostile);
    }

    /** A property test: random Unicode from every range (controls, separators, non-characters, astral) in every text field. */
    @Test
    void roundTripsRandomUnicodeInEveryTextField() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 40; round++) {
            EnvironmentState written = backend.write(randomTextState(backend.read("production"), random));

            assertThat(reopened.read("production")).as("seed %d, round %d", seed, round).isEqualTo(written);
            AuditEntry entry = new AuditEntry(Instant.parse("2024-05-01T10:00:00Z"), randomText(random), randomText(random),
                    "production", randomText(random), List.of(randomText(random), randomText(random)), (long) round,
                    randomText(random), Duration.ofMillis(round));
            backend.append(entry);
            assertThat(reopened.audit("production", 1)).as("seed %d, round %d", seed, round).containsExactly(entry);
        }
    }

    /**
     * {@code base} with every free-text field (var values, node fields, attributes, health detail, url)
     * random; var names follow the name rule, some longer than a YAML implicit key may be.
     */
    private static EnvironmentState randomTextState(EnvironmentState base, Random random) {
        Map<String, String> vars = new TreeMap<>();
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            vars.put("V" + i + "_" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36).toUpperCase(Locale.ROOT),
                    randomText(random));
            attributes.put(randomText(random), randomText(random));
        }
        vars.put("K".repeat(1000 + random.nextInt(1200)), randomText(random));
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        NodeRecord node = new NodeRecord("n-" + randomText(random), randomText(random), randomText(random),
                randomText(random), randomText(random), randomText(random), at, randomText(random), randomText(random),
                new NodeHealth(random.nextBoolean(), at, randomText(random)), random.nextBoolean(), attributes,
                1 + random.nextInt(65535), randomText(random));
        Generation generation = new Generation(base.nextGenerationId(), GenerationState.OLD, at, randomText(random),
                randomText(random), List.of(node));
        return new EnvironmentState(base.environment(), base.version(), List.of(generation),
                Map.of(randomText(random), random.nextInt(100)), vars);
    }

    /** Up to 40 code points from ranges a YAML or JSON writer must escape, and from anywhere else (no lone surrogates). */
    protected static String randomText(Random random) {
        int[][] ranges = {{0x00, 0x1f}, {0x7f, 0x9f}, {0x85, 0x85}, {0xa0, 0xff}, {0x2028, 0x2029}, {0xfeff, 0xfeff},
                {0xfffe, 0xffff}, {0x20, 0x7e}, {0x100, 0xd7ff}, {0xe000, 0xfffd}, {0x10000, 0x10ffff}};
        String[] yamlWords = {": ", " #", "- ", "? ", "'", "\"", "\\", "{", "[", "&a", "*a", "!", "|", ">", "%", "@",
                "`", "~", "null", "true", "No", "0x1F", "1e3", "---", "...", "\r\n", " "};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(41);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(5) == 0) {
                text.append(yamlWords[random.nextInt(yamlWords.length)]);
            } else {
                int[] range = ranges[random.nextInt(ranges.length)];
                text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
        }
        return text.toString();
    }

    @Test
    void eachWriteStoresTheNextVersion() {
        EnvironmentState first = backend.write(EnvironmentState.empty("production").withVars(Map.of("A", "1")));
        EnvironmentState second = backend.write(first.withVars(Map.of("A", "2")));

        assertThat(second.version()).isEqualTo(2);
        assertThat(reopened.read("production")).isEqualTo(second);
    }

    @Test
    void rejectsAWriteBasedOnAStaleVersion() {
        EnvironmentState base = backend.write(EnvironmentState.empty("production"));
        backend.write(base.withVars(Map.of("WINNER", "first")));

        assertThatThrownBy(() -> backend.write(base.withVars(Map.of("WINNER", "second"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("production").hasMessageContaining("expected version 1, found 2");
        assertThat(reopened.read("production").vars()).containsEntry("WINNER", "first");
    }

    @Test
    void rejectsAWriteBasedOnAVersionAnotherBackendReplaced() {
        EnvironmentState base = backend.write(EnvironmentState.empty("production"));
        reopened.write(reopened.read("production").withVars(Map.of("WINNER", "other")));

        assertThatThrownBy(() -> backend.write(base.withVars(Map.of("WINNER", "stale"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expected version 1, found 2");
        assertThat(backend.read("production").vars()).containsEntry("WINNER", "other");
    }

    @Test
    void rejectsCreatingAnEnvironmentSomeoneElseCreatedFirst() {
        backend.write(EnvironmentState.empty("production").withScale(Map.of("app", 2)));

        assertThatThrownBy(() -> backend.write(EnvironmentState.empty("production").withScale(Map.of("app", 5))))
                .isInstanceOf(ConflictException.class);
        assertThat(reopened.read("production").scale()).containsEntry("app", 2);
    }

    @Test
    void listsTheEnvironmentsThatHaveState() {
        backend.write(EnvironmentState.empty("staging"));
        backend.write(EnvironmentState.empty("production"));

        assertThat(reopened.environments()).containsExactlyInAnyOrder("production", "staging");
    }

    @Test
    void keepsEnvironmentsApart() {
        backend.write(EnvironmentState.empty("production").withVars(Map.of("WHERE", "prod")));
        backend.write(EnvironmentState.empty("staging").withVars(Map.of("WHERE", "stage")));

        assertThat(reopened.read("production").vars()).containsEntry("WHERE", "prod");
        assertThat(reopened.read("staging").vars()).containsEntry("WHERE", "stage");
    }

    @Test
    void aWriteFencedByTheHeldLockIsStored() {
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);

        EnvironmentState written = backend.write(EnvironmentState.empty("production").withVars(Map.of("A", "1")), held);

        assertThat(reopened.read("production")).isEqualTo(written);
    }

    @Test
    void aWriteFencedByABrokenLockIsRefusedAndStoresNothing() {
        EnvironmentState base = backend.write(EnvironmentState.empty("production"));
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);
        reopened.forceRelease("production");

        assertThatThrownBy(() -> backend.write(base.withVars(Map.of("A", "1")), held))
                .isInstanceOf(LockLostException.class).hasMessageContaining("lock lost");
        assertThat(reopened.read("production")).isEqualTo(base);
    }

    @Test
    void aWriteFencedByALockSomeoneTookOverIsRefusedAndTheNewHolderWrites() throws InterruptedException {
        EnvironmentState base = backend.write(EnvironmentState.empty("production"));
        LockInfo old = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", Duration.ofMillis(100));
        Thread.sleep(300);
        LockInfo current = reopened.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "vars set", LONG);

        assertThatThrownBy(() -> backend.write(base.withVars(Map.of("WHO", "alice")), old))
                .isInstanceOf(LockLostException.class).hasMessageContaining("bob@" + HOST);
        EnvironmentState theirs = reopened.write(base.withVars(Map.of("WHO", "bob")), current);

        assertThat(backend.read("production")).isEqualTo(theirs);
    }

    @Test
    void lockExcludesASecondHolderAndNamesTheFirst() {
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);

        assertThatThrownBy(() -> backend.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "promote", LONG))
                .isInstanceOfSatisfying(LockedException.class, e -> {
                    assertThat(e.holder().holder()).isEqualTo("alice@" + HOST);
                    assertThat(e.holder().command()).isEqualTo("up");
                    assertThat(e.holder().token()).isEqualTo(held.token());
                })
                .hasMessageContaining("alice@" + HOST).hasMessageContaining("since");
        assertThat(reopened.lock("production")).contains(held);
    }

    @Test
    void locksOfDifferentEnvironmentsAreIndependent() {
        backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);

        LockInfo staging = backend.acquire("staging", "bob@" + HOST, HOST, LIVE_PID, "up", LONG);

        assertThat(reopened.lock("staging")).contains(staging);
    }

    @Test
    void recordsWhoHoldsTheLockAndUntilWhen() {
        Instant before = Instant.now();
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);

        assertThat(held.environment()).isEqualTo("production");
        assertThat(held.host()).isEqualTo(HOST);
        assertThat(held.pid()).isEqualTo(LIVE_PID);
        assertThat(held.acquiredAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(held.expiresAt()).isAfterOrEqualTo(held.acquiredAt().plus(LONG).minusSeconds(1));
        assertThat(held.token()).isNotBlank();
    }

    @Test
    void aReleasedLockCanBeTakenAgain() {
        LockInfo first = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);
        backend.release(first);

        LockInfo second = backend.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "up", LONG);

        assertThat(reopened.lock("production")).contains(second);
        assertThat(second.token()).isNotEqualTo(first.token());
    }

    @Test
    void anExpiredLockIsTakenOver() throws InterruptedException {
        backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", Duration.ofMillis(200));
        Thread.sleep(400);

        LockInfo taken = backend.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "up", LONG);

        assertThat(reopened.lock("production")).contains(taken);
    }

    @Test
    void aLockHeldByADeadProcessOnTheSameHostIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        backend.acquire("production", "alice@" + HOST, HOST, gone.pid(), "up", LONG);

        LockInfo taken = backend.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "up", LONG);

        assertThat(reopened.lock("production")).contains(taken);
    }

    @Test
    void aDeadPidOnAnotherHostSaysNothingAboutTheLock() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        backend.acquire("production", "alice@elsewhere", "elsewhere", gone.pid(), "up", LONG);

        assertThatThrownBy(() -> backend.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "up", LONG))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void renewalKeepsTheLockPastItsFirstExpiry() throws InterruptedException {
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", Duration.ofMillis(300));
        Thread.sleep(150);
        LockInfo renewed = backend.renew(held, Duration.ofSeconds(30));
        Thread.sleep(300);

        assertThat(renewed.expiresAt()).isAfter(held.expiresAt());
        assertThat(renewed.token()).isEqualTo(held.token());
        assertThatThrownBy(() -> backend.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "up", LONG))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void renewingABrokenLockFails() {
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);
        backend.forceRelease("production");

        assertThatThrownBy(() -> backend.renew(held, LONG)).isInstanceOf(LockLostException.class);
    }

    @Test
    void renewingALockSomeoneTookOverNamesTheNewHolder() throws InterruptedException {
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", Duration.ofMillis(100));
        Thread.sleep(300);
        backend.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "up", LONG);

        assertThatThrownBy(() -> backend.renew(held, LONG))
                .isInstanceOfSatisfying(LockedException.class,
                        e -> assertThat(e.holder().holder()).isEqualTo("bob@" + HOST));
    }

    @Test
    void forceReleaseBreaksTheLockAndSaysWhatItBroke() {
        LockInfo held = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", LONG);

        assertThat(backend.forceRelease("production")).contains(held);
        assertThat(reopened.lock("production")).isEmpty();
        assertThat(backend.forceRelease("production")).isEmpty();
    }

    @Test
    void releasingALockThatWasTakenOverLeavesTheNewHolder() throws InterruptedException {
        LockInfo old = backend.acquire("production", "alice@" + HOST, HOST, LIVE_PID, "up", Duration.ofMillis(100));
        Thread.sleep(300);
        LockInfo current = backend.acquire("production", "bob@" + HOST, HOST, LIVE_PID, "up", LONG);

        backend.release(old);

        assertThat(reopened.lock("production")).contains(current);
    }

    @Test
    void auditReturnsTheNewestEntriesFirstUpToTheLimit() {
        Instant start = Instant.parse("2024-05-01T10:00:00Z");
        for (int i = 1; i <= 5; i++) {
            backend.append(entry("production", start.plusSeconds(i), "up-" + i, (long) i));
        }
        backend.append(entry("staging", start, "up-staging", null));

        List<AuditEntry> newest = reopened.audit("production", 3);

        assertThat(newest).extracting(AuditEntry::command).containsExactly("up-5", "up-4", "up-3");
        assertThat(reopened.audit("production", 100)).hasSize(5);
        assertThat(reopened.audit("staging", 10)).extracting(AuditEntry::command).containsExactly("up-staging");
        assertThat(reopened.audit("unknown", 10)).isEmpty();
    }

    @Test
    void auditEntriesRoundTripEveryField() {
        AuditEntry entry = new AuditEntry(Instant.parse("2024-05-01T10:00:00.123Z"), "alice", HOST, "production",
                "vars", List.of("vars", "production", "set", "TOKEN=***", "quote\"and\nnewline"), 7L, "refused",
                Duration.ofMillis(1520));
        backend.append(entry);

        assertThat(reopened.audit("production", 1)).containsExactly(entry);
    }

    @Test
    void eightConcurrentWritersLoseNoIncrement() throws Exception {
        backend.write(EnvironmentState.empty("production").withScale(Map.of("app", 0)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writers.add(() -> increments(backend, "production", 50));
            }
            for (Future<Integer> done : pool.invokeAll(writers, 5, TimeUnit.MINUTES)) {
                done.get();
            }

            EnvironmentState end = reopened.read("production");
            assertThat(end.scale()).containsEntry("app", 400);
            assertThat(end.version()).isEqualTo(401);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Adds one to {@code scale.app} {@code times} times with compare-and-set, re-reading on
     * every conflict; returns how many conflicts it met.
     */
    public static int increments(CoordinatorBackend backend, String environment, int times) {
        int conflicts = 0;
        for (int done = 0; done < times; ) {
            EnvironmentState current = backend.read(environment);
            Map<String, Integer> scale = new LinkedHashMap<>(current.scale());
            scale.merge("app", 1, Integer::sum);
            try {
                backend.write(current.withScale(scale));
                done++;
            } catch (ConflictException lostRace) {
                conflicts++;
            }
        }
        return conflicts;
    }

    protected static AuditEntry entry(String environment, Instant at, String command, Long generation) {
        return new AuditEntry(at, "alice", HOST, environment, command, List.of(command, environment), generation, "ok",
                Duration.ofSeconds(3));
    }

    /** A state that uses every field, with values that need quoting in YAML. */
    public static EnvironmentState fullState(String environment) {
        Instant created = Instant.parse("2024-05-01T10:00:00Z");
        NodeRecord app1 = new NodeRecord("app-1", "app", "us-east-1a", "ec2", "i-0abc", "10.0.0.5",
                created.plusSeconds(30), "sha256:aaa", "sha256:cfg1",
                new NodeHealth(true, created.plusSeconds(90), "HTTP 200"), true, Map.of("port", "8080"), 8080,
                "http://10.0.0.5:8080/");
        NodeRecord app2 = new NodeRecord("app-2", "app", "us-east-1b", "ec2", null, null, null, null, null,
                null, false, Map.of());
        NodeRecord db1 = new NodeRecord("db-1", "db", "us-east-1a", "rds", "prod-db-1", "db.internal", created,
                "sha256:bbb", null, new NodeHealth(false, created.plusNanos(1500), "timeout: no answer in 120s"),
                false, Map.of());
        Generation old = new Generation(1, GenerationState.OLD, created, "sha256:old", "sha256:c0", List.of(app1, db1));
        Generation active = new Generation(2, GenerationState.ACTIVE, created.plusSeconds(3600), "sha256:new", null,
                List.of(app1, app2, db1));
        Generation pending = new Generation(3, GenerationState.PENDING, created.plusSeconds(7200), null, null, List.of());
        return new EnvironmentState(environment, 0, List.of(old, active, pending), Map.of("app", 4, "db", 1),
                Map.of("DATABASE_URL", "postgres://u:p@db:5432/app?ssl=true", "EMPTY", "", "YES", "yes",
                        "MULTI", "line one\nline: two", "NUM", "0123"));
    }
}
