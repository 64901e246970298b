package io.neckbeard.engine;

import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerException;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;
import io.neckbeard.stack.Stack;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.transport.local.LocalTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthPollerTest {
    private static final HealthTarget TARGET = new HealthTarget("web-1", "127.0.0.1", 8080, null, null, null);

    /**
     * A deploy's process that has exited (its supervisor recorded it) ends the wait at once,
     * however long the timeout, with the exit code and the end of its log (config-var values
     * masked, but for values too short to be told from ordinary words); the check is not asked.
     */
    @Test
    @Timeout(20)
    void aProcessThatExitedSinceTheDeployEndsTheWaitAtOnceWithItsCause(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("run"));
        Files.createDirectories(root.resolve("logs"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(root.resolve("run/web.pid"), gone.pid() + "\n");
        Files.writeString(root.resolve("run/web.exits"), "1 3 1800000000\n");
        Files.writeString(root.resolve("logs/web.log"), "connecting to postgres://app:s3cret-pw@db/app\n"
                + "Error: listen EADDRINUSE: address already in use :::3000\n");
        StackTarget target = new StackTarget(root.toString(), 2, "direct", "shop", "dev", "web-1", 1, null, Map.of(), Map.of(), null);
        ProcessWatch watch = new ProcessWatch(Stack.standard(), new LocalTransport(root, "local:web-1"), target,
                List.of("web"), true, List.of("s3cret-pw", "app"));
        AtomicInteger calls = new AtomicInteger();

        HealthResult result = HealthPoller.await(new HealthSettings(healthyAfter(Integer.MAX_VALUE, calls), Duration.ofSeconds(2),
                Duration.ofMinutes(10)), TARGET, watch);

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).startsWith("web exited with code 3 (nothing of its process group runs)")
                .contains("last lines of logs/web.log:\n  connecting to postgres://app:***@db/app\n  Error: listen EADDRINUSE")
                .doesNotContain("s3cret-pw");
        assertThat(calls).hasValue(0);
    }

    @Test
    @Timeout(20)
    void aBalancerIsAskedOncePerPollForAllTargetsUntilItReportsThemHealthy() {
        AtomicInteger polls = new AtomicInteger();
        List<Target> targets = List.of(new Target("web-1", "i-1", "10.0.0.1", 0), new Target("web-2", "i-2", "10.0.0.2", 0));

        HealthPoller.awaitInService(balancer(targets, polls, () -> polls.get() > 3 ? TargetHealth.HEALTHY : TargetHealth.INITIAL),
                targets, Duration.ofMinutes(10), Duration.ofMillis(100));

        assertThat(polls).hasValue(4);
    }

    @Test
    @Timeout(20)
    void aBalancerThatFindsATargetUnhealthyEndsTheWaitAtOnceWithItsReason() {
        AtomicInteger polls = new AtomicInteger();
        List<Target> targets = List.of(new Target("web-1", "i-1", "10.0.0.1", 0));
        LoadBalancerException unhealthy = new LoadBalancerException("web-1 unhealthy (Target.Timeout)", "fix it", null);
        LoadBalancer balancer = balancer(targets, polls, () -> {
            throw unhealthy;
        });

        assertThatThrownBy(() -> HealthPoller.awaitInService(balancer, targets, Duration.ofMinutes(10), Duration.ofMillis(100)))
                .isSameAs(unhealthy);
        assertThat(polls).hasValue(1);
    }

    /** A balancer whose health reads every target as {@code state} gives it, counting the polls. */
    private static LoadBalancer balancer(List<Target> expected, AtomicInteger polls, Supplier<TargetHealth> state) {
        return new LoadBalancer() {
            @Override
            public void register(List<Target> targets) {
            }

            @Override
            public void deregister(List<Target> targets) {
            }

            @Override
            public Map<String, TargetHealth> health(List<Target> targets) {
                assertThat(targets).isEqualTo(expected);
                polls.incrementAndGet();
                TargetHealth now = state.get();
                return targets.stream().collect(Collectors.toMap(Target::node, t -> now));
            }
        };
    }

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

    @Test
    @Timeout(20)
    void aLongWaitOfManyObservationsEndsWithTheVerdictNotAnOverflow() {
        AtomicInteger calls = new AtomicInteger();

        // 1 ms apart for 2 s: far more than the ~60 doublings after which an uncapped wait overflows
        HealthResult result = HealthPoller.await(new HealthSettings(healthyAfter(Integer.MAX_VALUE, calls),
                Duration.ofMillis(1), Duration.ofSeconds(2)), TARGET);

        assertThat(result.healthy()).isFalse();
        assertThat(calls.get()).isGreaterThan(100);
    }
}
