package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;
import io.neckbeard.stack.ProcfileEntry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Polls a health check, or a load balancer's view of a target, until it is healthy or the timeout passes. */
final class HealthPoller {
    /** The wait after the first failed observation; it doubles after each further one, up to the interval. */
    static final Duration FIRST_RETRY = Duration.ofMillis(50);

    private HealthPoller() {
    }

    /**
     * The first healthy observation, or the last unhealthy one once {@code settings.timeout()} has
     * passed. The first observation is right away and the next ones come quickly (50 ms, 100 ms,
     * 200 ms, ...) until they are {@code interval} apart: an app that starts in a moment is seen
     * in a moment, whatever the interval, and one that starts slowly is polled every interval.
     */
    static HealthResult await(HealthSettings settings, HealthTarget target) {
        return await(settings, target, null);
    }

    /**
     * The same, looking at the node's processes before each observation (when {@code processes}
     * is not null): the node is not healthy while one of them does not run, and the wait ends at
     * once, unhealthy, when one has exited since the deploy started it.
     */
    static HealthResult await(HealthSettings settings, HealthTarget target, ProcessWatch processes) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Duration wait = firstWait(settings.interval());
        while (true) {
            ProcessWatch.Verdict verdict = processes == null ? null : processes.observe();
            if (verdict != null && verdict.failed()) {
                return verdict.unhealthy();
            }
            HealthResult result = observe(settings, target, verdict);
            if (result.healthy() || System.nanoTime() >= deadline) {
                return result;
            }
            sleep(wait);
            wait = longer(wait, settings.interval());
        }
    }

    private static Duration firstWait(Duration interval) {
        return FIRST_RETRY.compareTo(interval) < 0 ? FIRST_RETRY : interval;
    }

    /** Doubled, capped at the interval: doubled without bound, it overflows Duration after some 60 observations. */
    private static Duration longer(Duration wait, Duration interval) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(interval) < 0 ? doubled : interval;
    }

    /** One look at the processes (when not null), then, if they all run, one observation of the check. */
    static HealthResult observe(HealthSettings settings, HealthTarget target, ProcessWatch processes) {
        return observe(settings, target, processes == null ? null : processes.observe());
    }

    /**
     * Unhealthy while a process does not run; else the check's observation. The default check
     * looks at the node's port only where a {@code web} process listens on it.
     */
    private static HealthResult observe(HealthSettings settings, HealthTarget target, ProcessWatch.Verdict verdict) {
        if (verdict == null) {
            return observe(settings, target);
        }
        if (!verdict.running()) {
            return verdict.unhealthy();
        }
        boolean portless = !settings.configured() && !verdict.processes().contains(ProcfileEntry.WEB);
        return observe(settings, portless ? new HealthTarget(target.node(), target.address(), null, target.resource(),
                target.provider(), target.transport()) : target);
    }

    /** One observation; a check that throws counts as unhealthy, with its message as the detail. */
    static HealthResult observe(HealthSettings settings, HealthTarget target) {
        try {
            return settings.check().check(target);
        } catch (RuntimeException e) {
            return HealthResult.unhealthy(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * Waits until the balancer reports every target {@code HEALTHY}, one {@link LoadBalancer#health}
     * call for all of them per poll, the polls spaced as {@link #await} spaces its observations.
     * A balancer that finds a target failing its own checks throws from {@code health}, which ends
     * the wait at once with the balancer's reason.
     *
     * @throws NeckbeardException exit 1 naming the targets still not healthy after {@code timeout}
     */
    static void awaitInService(LoadBalancer balancer, List<Target> targets, Duration timeout, Duration interval) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration wait = firstWait(interval);
        while (true) {
            Map<String, TargetHealth> health = balancer.health(targets);
            List<String> waiting = targets.stream().map(Target::node)
                    .filter(node -> health.get(node) != TargetHealth.HEALTHY).toList();
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new NeckbeardException(ExitCode.FAILED, "the load balancer did not report " + String.join(", ", waiting)
                        + " healthy within " + timeout.toSeconds() + "s (last seen: " + health + ")",
                        "check the balancer's own health check settings and the node's logs, then re-run");
            }
            sleep(wait);
            wait = longer(wait, interval);
        }
    }

    /**
     * Registers the targets and waits until the balancer serves them. When it does not (it finds
     * one unhealthy, or the timeout passes) they are deregistered again before the failure goes
     * on, so a node that failed stays out of its balancer, as its {@code operational: false} says.
     */
    static void putIntoService(LoadBalancer balancer, List<Target> targets, HealthSettings health) {
        balancer.register(targets);
        try {
            awaitInService(balancer, targets, health.timeout(), health.interval());
        } catch (RuntimeException e) {
            try {
                balancer.deregister(targets);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(Math.max(1, interval.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while waiting for health", null, e);
        }
    }
}
