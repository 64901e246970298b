package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class CoordinatorSessionTest {
    private static final Operator ALICE = new Operator("alice", "laptop", ProcessHandle.current().pid());
    private final InMemoryCoordinatorBackend backend = new InMemoryCoordinatorBackend();

    @Test
    void holdsTheLockUntilClosed() {
        Coordinator coordinator = coordinator(Coordinator.DEFAULT_LOCK_TTL);
        try (EnvironmentSession session = coordinator.session("production", "up", List.of("up", "production"))) {
            assertThat(session.state()).isEqualTo(EnvironmentState.empty("production"));
            assertThatThrownBy(() -> coordinator.session("production", "scale", List.of()))
                    .isInstanceOfSatisfying(LockedException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED))
                    .hasMessageContaining("alice@laptop").hasMessageContaining("'up'");
        }

        assertThat(backend.lock("production")).isEmpty();
    }

    @Test
    void closingAppendsExactlyOneAuditEntry() {
        Coordinator coordinator = coordinator(Coordinator.DEFAULT_LOCK_TTL);
        try (EnvironmentSession session = coordinator.session("production", "promote", List.of("promote", "production"))) {
            session.generation(4);
            session.result("refused");
        }

        List<AuditEntry> trail = backend.audit("production", 10);
        assertThat(trail).hasSize(1);
        AuditEntry entry = trail.get(0);
        assertThat(entry.user()).isEqualTo("alice");
        assertThat(entry.host()).isEqualTo("laptop");
        assertThat(entry.command()).isEqualTo("promote");
        assertThat(entry.arguments()).containsExactly("promote", "production");
        assertThat(entry.generation()).isEqualTo(4L);
        assertThat(entry.result()).isEqualTo("refused");
        assertThat(entry.duration().isNegative()).isFalse();
    }

    @Test
    void updatesWriteWithCompareAndSet() {
        try (EnvironmentSession session = coordinator(Coordinator.DEFAULT_LOCK_TTL).session("production", "vars", List.of())) {
            EnvironmentState stored = session.update(s -> s.withVars(Map.of("A", "1")));

            assertThat(stored.version()).isEqualTo(1);
            assertThat(session.state()).isEqualTo(stored);
            assertThat(backend.read("production")).isEqualTo(stored);
        }
    }

    /** Many node threads read the state while one of them writes: a read must not wait for the write to be stored. */
    @Test
    void theStateCanBeReadWhileAWriteIsInFlight() throws Exception {
        try (EnvironmentSession session = coordinator(Coordinator.DEFAULT_LOCK_TTL).session("production", "up", List.of())) {
            EnvironmentState before = session.state();
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                Future<EnvironmentState> written = writer.submit(() -> session.update(s -> {
                    writing.countDown();
                    awaitQuietly(release);
                    return s.withVars(Map.of("A", "1"));
                }));
                assertThat(writing.await(20, TimeUnit.SECONDS)).isTrue();

                assertThat(reader.submit(session::state).get(20, TimeUnit.SECONDS)).isEqualTo(before);
                release.countDown();
                assertThat(written.get(20, TimeUnit.SECONDS).vars()).containsEntry("A", "1");
            } finally {
                release.countDown();
                writer.shutdownNow();
                reader.shutdownNow();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void renewsTheLockWhileTheCommandRuns() throws InterruptedException {
        try (EnvironmentSession session = coordinator(Duration.ofMillis(300)).session("production", "up", List.of())) {
            Instant firstExpiry = backend.lock("production").orElseThrow().expiresAt();
            Thread.sleep(800);

            assertThat(backend.lock("production").orElseThrow().expiresAt()).isAfter(firstExpiry);
            assertThatThrownBy(() -> backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(1)))
                    .isInstanceOf(LockedException.class);
            assertThat(session.state().environment()).isEqualTo("production");
        }
    }

    @Test
    void refusesToWriteAfterItsLockWasBroken() throws InterruptedException {
        EnvironmentSession session = coordinator(Duration.ofMillis(150)).session("production", "up", List.of());
        backend.forceRelease("production");
        Thread.sleep(300);

        assertThatThrownBy(() -> session.update(s -> s.withVars(Map.of("A", "1"))))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED))
                .hasMessageContaining("was broken or taken over");
        assertThatThrownBy(session::close).hasMessageContaining("was broken or taken over");
        assertThat(backend.read("production").version()).isZero();
    }

    @Test
    void aBrokenHoldersNextWriteIsRefusedAtOnceAndTheNewHolderProceeds() {
        Coordinator coordinator = coordinator(Duration.ofMinutes(5));
        EnvironmentSession broken = coordinator.session("production", "up", List.of("up", "production"));
        backend.forceRelease("production");
        EnvironmentSession next = coordinator.session("production", "vars set", List.of());

        assertThatThrownBy(() -> broken.update(s -> s.withVars(Map.of("OLD", "1"))))
                .isInstanceOfSatisfying(LockLostException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED))
                .hasMessageContaining("lock lost").hasMessageContaining("'vars set'");
        assertThatThrownBy(broken::close).isInstanceOfSatisfying(CoordinatorException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED)).hasMessageContaining("lock lost");
        EnvironmentState stored = next.update(s -> s.withVars(Map.of("NEW", "1")));
        next.close();

        assertThat(backend.read("production")).isEqualTo(stored);
        assertThat(stored.vars()).containsOnlyKeys("NEW");
        assertThat(backend.audit("production", 2)).extracting(AuditEntry::command, AuditEntry::result)
                .containsExactly(tuple("vars set", "ok"),
                        tuple("up", "failed"));
    }

    @Test
    void aCommandThatCarriesOnAfterAFencedOffWriteStillEndsWithExitThree() {
        Coordinator coordinator = coordinator(Duration.ofMinutes(5));

        assertThatThrownBy(() -> {
            try (EnvironmentSession session = coordinator.session("production", "up", List.of())) {
                backend.forceRelease("production");
                try {
                    session.update(s -> s.withVars(Map.of("NODE", "web-1")));
                } catch (CoordinatorException perNodeFailure) {
                    // as the engine does: one node failed, the others go on
                }
            }
        }).isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED))
                .hasMessageContaining("lock lost");
        assertThat(backend.audit("production", 1)).extracting(AuditEntry::result).containsExactly("failed");
    }

    @Test
    void anInterruptionAfterTheCompletingWriteIsAuditedWithWhatTheStateSays() {
        LockedSession session = (LockedSession) coordinator(Duration.ofMinutes(5))
                .session("production", "promote", List.of("promote", "production"));
        session.result("failed");
        session.complete(s -> s.withVars(Map.of("SWITCHED", "yes")), "ok");

        session.interrupted();

        assertThat(backend.audit("production", 1)).extracting(AuditEntry::result).containsExactly("ok");
        assertThat(backend.lock("production")).isEmpty();
    }

    @Test
    void anInterruptionBeforeTheCompletingWriteIsAuditedAsInterrupted() {
        LockedSession session = (LockedSession) coordinator(Duration.ofMinutes(5))
                .session("production", "up", List.of("up", "production"));
        session.result("failed");
        session.update(s -> s.withVars(Map.of("HALFWAY", "yes")));

        session.interrupted();

        assertThat(backend.audit("production", 1)).extracting(AuditEntry::result).containsExactly("interrupted");
    }

    @Test
    void aCommandRefusedBecauseTheLockIsHeldIsAuditedAsLocked() {
        backend.acquire("production", "bob@desk", "desk", 1, "up", Duration.ofMinutes(5));

        assertThatThrownBy(() -> coordinator(Duration.ofMinutes(5)).session("production", "vars set",
                List.of("vars", "production", "set", "A=***"))).isInstanceOf(LockedException.class);

        assertThat(backend.audit("production", 1)).singleElement().satisfies(entry -> {
            assertThat(entry.command()).isEqualTo("vars set");
            assertThat(entry.result()).isEqualTo("locked");
            assertThat(entry.arguments()).containsExactly("vars", "production", "set", "A=***");
        });
    }

    @Test
    void aWriteThatFindsSomeoneElsesStateStopsWithoutWritingOverItAndIsAuditedAsFailed() {
        EnvironmentSession session = coordinator(Duration.ofMinutes(1)).session("production", "vars set", List.of());
        EnvironmentState theirs = backend.write(backend.read("production").withVars(Map.of("THEIRS", "1")));

        assertThatThrownBy(() -> session.update(s -> s.withVars(Map.of("OURS", "1"))))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED))
                .hasMessageContaining("written by someone else");
        assertThatThrownBy(() -> session.update(s -> s.withVars(Map.of("OURS", "2")))).isInstanceOf(CoordinatorException.class);
        assertThatThrownBy(session::close).hasMessageContaining("written by someone else");

        assertThat(backend.read("production")).isEqualTo(theirs);
        assertThat(backend.audit("production", 1)).extracting(AuditEntry::result).containsExactly("failed");
    }

    private Coordinator coordinator(Duration ttl) {
        return new Coordinator(backend, ALICE, ttl, Clock.systemUTC());
    }
}
