package io.neckbeard.cli.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something another process or thread brings about. */
public final class Poll {
    // Not a timing assertion: only keeps a test whose condition never comes true from hanging the build.
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    private Poll() {
    }

    public static void until(String what, Callable<Boolean> condition) throws Exception {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("gave up after " + GIVE_UP + " waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
