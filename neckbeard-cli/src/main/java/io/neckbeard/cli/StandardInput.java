package io.neckbeard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's standard input ({@code stream}, null when there is none) as a command may pass it on ({@code run}): given only when it is a
 * pipe or a non-empty file. A terminal (interactive use), {@code /dev/null} or an empty file is no
 * input, so a command started by hand or from cron behaves as it always did.
 */
public record StandardInput(InputStream stream) {
    private static final int FILE_TYPE = 0170000;
    private static final int FIFO = 0010000;
    private static final int REGULAR = 0100000;

    /** No input, as with {@code </dev/null}. */
    public static StandardInput none() {
        return new StandardInput(null);
    }

    /** This process's standard input, judged by what file descriptor 0 is. */
    static StandardInput ofProcess() {
        return new StandardInput(carriesInput(Path.of("/dev/stdin")) ? System.in : null);
    }

    /** Whether {@code stdin} (what descriptor 0 resolves to) is a pipe or a non-empty file. */
    static boolean carriesInput(Path stdin) {
        try {
            int type = (Integer) Files.getAttribute(stdin, "unix:mode") & FILE_TYPE;
            return type == FIFO || (type == REGULAR && Files.size(stdin) > 0);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false; // no /dev/stdin or no unix attributes: keep the old behaviour, no input
        }
    }
}
