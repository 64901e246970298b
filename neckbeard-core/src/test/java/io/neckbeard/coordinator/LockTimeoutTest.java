package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --lock-timeout}: a session waits for a held lock, then proceeds or fails naming the holder. */
class LockTimeoutTest {
    private static final Operator BOB = new Operator("bob", "ci", ProcessHandle.current().pid());
    private final InMemoryCoordinatorBackend backend = new InMemoryCoordinatorBackend();

    @Test
    void aSessionWaitsForAHeldLockAndProceedsOnceItIsReleased() throws Exception {
        LockInfo held = backend.acquire("production", "alice@laptop", "laptop", 1, "up", Duration.ofMinutes(5));
        Coordinator waiting = coordinator(Duration.ofSeconds(30));

        CompletableFuture<Long> scaled = CompletableFuture.supplyAsync(() -> {
            try (EnvironmentSession session = waiting.session("production", "scale", List.of("scale"))) {
                return session.update(state -> state.withScale(Map.of("app", 3))).version();
            }
        });
        Thread.sleep(300); // let it find the lock held at least once
        assertThat(scaled).isNotDone();
        backend.release(held);

        assertThat(scaled.get(1, TimeUnit.MINUTES)).isEqualTo(1);
        assertThat(backend.audit("production", 5)).extracting(AuditEntry::result).containsExactly("ok");
    }

    @Test
    void aSessionThatWaitedInVainFailsWithExitThreeNamingTheHolder() {
        backend.acquire("production", "alice@laptop", "laptop", 1, "up", Duration.ofMinutes(5));

        assertThatThrownBy(() -> coordinator(Duration.ofSeconds(1)).session("production", "scale", List.of("scale")))
                .isInstanceOfSatisfying(LockedException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
                    assertThat(e.remedy()).startsWith("waited 1s (--lock-timeout)");
                })
                .hasMessageContaining("locked by alice@laptop").hasMessageContaining("'up'");
        assertThat(backend.audit("production", 5)).extracting(AuditEntry::result).containsExactly("locked");
    }

    @Test
    void withoutATimeoutAHeldLockFailsAtOnce() {
        backend.acquire("production", "alice@laptop", "laptop", 1, "up", Duration.ofMinutes(5));

        assertThatThrownBy(() -> coordinator(Duration.ZERO).session("production", "scale", List.of("scale")))
                .isInstanceOfSatisfying(LockedException.class, e -> assertThat(e.remedy()).startsWith("wait for it to finish"));
    }

    @Test
    void theLeaseIsCoordinatorLockTtlOrFiveMinutes() {
        assertThat(Coordinator.lockTtl(Map.of("lock_ttl", "10m"))).isEqualTo(Duration.ofMinutes(10));
        assertThat(Coordinator.lockTtl(Map.of())).isEqualTo(Coordinator.DEFAULT_LOCK_TTL);
        assertThatThrownBy(() -> Coordinator.lockTtl(Map.of("lock_ttl", "ten")))
                .isInstanceOfSatisfying(io.neckbeard.core.NeckbeardException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("coordinator.lock_ttl");
    }

    private Coordinator coordinator(Duration lockTimeout) {
        return new Coordinator(backend, BOB, Coordinator.DEFAULT_LOCK_TTL, Clock.systemUTC(), lockTimeout);
    }
}
