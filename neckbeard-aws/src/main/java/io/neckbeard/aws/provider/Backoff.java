package io.neckbeard.aws.provider;

import io.neckbeard.provider.ProviderException;

import java.time.Duration;

/** The waits between two looks at something AWS is still making: doubling from a first wait up to a cap. */
final class Backoff {
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.next = first;
        this.max = max;
    }

    /** The wait {@link #sleep()} would take now. */
    Duration next() {
        return next;
    }

    /** The current wait, for a caller that waits by itself; the next one doubles up to the cap. */
    Duration advance() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** Sleeps the current wait, then doubles it up to the cap; an interrupt ends the wait as a failure. */
    void sleep() {
        try {
            Thread.sleep(advance().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for AWS", "run the command again");
        }
    }
}
