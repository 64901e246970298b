package io.neckbeard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive} also answers true for a zombie:
 * a process that has exited but that init has not reaped yet, which on a busy or minimal init
 * can take seconds after a stop.
 */
public final class Processes {
    private Processes() {
    }

    public static boolean running(ProcessHandle process) {
        return running(process.pid());
    }

    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // pid (comm) state ...: comm may hold spaces and parentheses, the state follows the last ')'
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits (polling, up to 5 s) until {@code pid} no longer runs; the caller asserts that it is gone. */
    public static void waitUntilGone(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && running(pid); i++) {
            Thread.sleep(50);
        }
    }
}
