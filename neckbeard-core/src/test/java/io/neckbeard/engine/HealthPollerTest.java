package io.neckbeard.engine;

import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HealthPollerTest {
    private static final HealthTarget TARGET = new HealthTarget("web-1", "127.0.0.1", 8080, null, null, null);

    /** Unhealthy for the first {@code failures} observations, then healthy. */
    private static HealthCheck healthyAfter(int failures, AtomicInteger calls) {
        return target -> calls.incrementAndGet() > failures ? HealthResult.healthy("up") : HealthResult.unhealthy("starting");
    }

    @Test
    @Timeout(20)
    void anAppThatStartsInAMomentIsSeenWithoutWaitingALongInterval() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();

        HealthResult result = HealthPoller.await(new HealthSettings(healthyAfter(2, calls), Duration.ofSeconds(30),
                Duration.ofSeconds(120)), TARGET);

        assertThat(result.healthy()).isTrue();
        assertThat(calls).hasValue(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Timeout(20)
    void theWaitBetweenObservationsNeverGrowsBeyondTheInterval() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();

        HealthResult result = HealthPoller.await(new HealthSettings(healthyAfter(6, calls), Duration.ofMillis(20),
                Duration.ofSeconds(120)), TARGET);

        assertThat(result.healthy()).isTrue();
        // 50 ms, 100 ms, ... doubling without the cap would take over 3 s for six waits; capped, about 0.12 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    @Timeout(20)
    void theLastUnhealthyObservationIsReturnedOnceTheTimeoutPasses() {
        AtomicInteger calls = new AtomicInteger();

        HealthResult result = HealthPoller.await(new HealthSettings(healthyAfter(Integer.MAX_VALUE, calls),
                Duration.ofMillis(100), Duration.ofMillis(500)), TARGET);

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).isEqualTo("starting");
        assertThat(calls.get()).isBetween(3, 12);
    }
}
