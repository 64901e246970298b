package io.neckbeard.cli;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.Confirmation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A yes/no question on the terminal. {@code --yes} answers it; without a terminal (and without
 * {@code --yes}) the command is refused (exit 2) rather than left waiting; any answer but yes
 * aborts it (exit 1).
 */
final class Prompt implements Confirmation {
    private final boolean yes;
    private final BufferedReader terminal;
    private final PrintWriter err;

    /** @param terminal the terminal's input, or null when there is none */
    Prompt(boolean yes, BufferedReader terminal, PrintWriter err) {
        this.yes = yes;
        this.terminal = terminal;
        this.err = err;
    }

    @Override
    public void confirm(String question, String action) {
        if (yes) {
            return;
        }
        if (terminal == null) {
            throw new NeckbeardException(ExitCode.USAGE, action + ", and there is no terminal to confirm it on",
                    "pass --yes to confirm without a terminal");
        }
        err.print(question + " [y/N] ");
        err.flush();
        String answer;
        try {
            answer = terminal.readLine();
        } catch (IOException e) {
            throw new NeckbeardException(ExitCode.USAGE, "cannot read the confirmation: " + e.getMessage(),
                    "pass --yes to confirm without a terminal", e);
        }
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new NeckbeardException(ExitCode.FAILED, "aborted", null);
        }
    }
}
