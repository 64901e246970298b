package io.neckbeard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process's standard output or error is a terminal, for what is drawn only there
 * (live progress, the status board). {@code System.console()} alone is not enough: it looks at
 * stdin and stdout, so {@code up 2>log} would fill the log with cursor movements. And whether its
 * standard input is one, whatever the others are: someone there may be asked a question.
 */
public final class Terminal {
    private Terminal() {
    }

    public static boolean stdout() {
        return System.console() != null && isTerminal(1);
    }

    public static boolean stderr() {
        return System.console() != null && isTerminal(2);
    }

    public static boolean stdin() {
        return isTerminal(0);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
