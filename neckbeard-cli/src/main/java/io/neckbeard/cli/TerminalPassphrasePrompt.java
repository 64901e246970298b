package io.neckbeard.cli;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.transport.ssh.PassphrasePrompt;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Asks for an SSH key's passphrase on the controlling terminal ({@code /dev/tty}), as ssh does,
 * whenever standard input is a terminal, whatever stdout and stderr are: {@code up -o json > out.json}
 * and {@code up | tee log} ask too, while cron, CI and a pipe into neckbeard are never asked (their
 * key needs ssh-agent or {@code NECKBEARD_SSH_PASSPHRASE}). What is typed is not echoed ({@code stty
 * -echo}, undone after the answer and on Ctrl-C); the command's progress pauses meanwhile.
 */
final class TerminalPassphrasePrompt implements PassphrasePrompt {
    private static final String TTY = "/dev/tty";

    private final CliContext cli;
    private final BooleanSupplier stdinIsTerminal;

    TerminalPassphrasePrompt(CliContext cli, BooleanSupplier stdinIsTerminal) {
        this.cli = cli;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    @Override
    public char[] ask(String identityFile, boolean again) {
        if (!stdinIsTerminal.getAsBoolean()) {
            return null;
        }
        String question = (again ? "Wrong passphrase, try again for " : "Enter passphrase for ") + identityFile + ": ";
        return cli.besideProgress(() -> {
            try {
                return read(question);
            } catch (IOException e) {
                throw new NeckbeardException(ExitCode.USAGE, "cannot ask for the passphrase of the SSH identity file " + identityFile
                        + " on the terminal: " + e.getMessage(), "add it to ssh-agent (ssh-add " + identityFile + "), or set "
                        + "NECKBEARD_SSH_PASSPHRASE in the environment", e);
            }
        });
    }

    private static char[] read(String question) throws IOException {
        try (InputStream in = new FileInputStream(TTY); FileOutputStream out = new FileOutputStream(TTY)) {
            String saved = stty("-g").strip();
            Thread restore = new Thread(() -> restore(saved), "neckbeard-tty-echo");
            Runtime.getRuntime().addShutdownHook(restore);
            try {
                stty("-echo");
                out.write(question.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return line(in);
            } finally {
                stty(saved);
                out.write('\n'); // the Enter typed was not echoed
                out.flush();
                removeHook(restore);
            }
        }
    }

    /** The bytes up to the end of the line as characters; every buffer that held them is wiped. */
    private static char[] line(InputStream in) throws IOException {
        byte[] typed = new byte[128];
        int length = 0;
        for (int b = in.read(); b >= 0 && b != '\n' && b != '\r'; b = in.read()) {
            if (length == typed.length) {
                byte[] longer = Arrays.copyOf(typed, length * 2);
                Arrays.fill(typed, (byte) 0);
                typed = longer;
            }
            typed[length++] = (byte) b;
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(typed, 0, length));
        char[] answer = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(typed, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        return answer;
    }

    /** Runs {@code stty ARG} on the terminal; its output ({@code -g}: the settings to restore). */
    private static String stty(String arg) throws IOException {
        Process stty = new ProcessBuilder("stty", arg).redirectInput(new File(TTY))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (stty.waitFor() != 0) {
                throw new IOException("stty " + arg + " exited with " + stty.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting up the terminal", e);
        }
        return output;
    }

    /** Echo back on when the run ends at the prompt (Ctrl-C): the user's shell must not stay silent. */
    private static void restore(String saved) {
        try {
            stty(saved);
        } catch (IOException e) {
            // the terminal is gone: nothing left to restore
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it restores what is already restored
        }
    }
}
