package io.neckbeard.core;

/**
 * The one exception type users see. Its message says what is wrong and names the
 * resource and setting; {@link #remedy()} says how to fix it; {@link #exitCode()} is the
 * process exit code. The CLI prints message and remedy, never a stack trace unless --verbose.
 */
public class NeckbeardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String remedy;

    public NeckbeardException(ExitCode exitCode, String message, String remedy) {
        this(exitCode, message, remedy, null);
    }

    public NeckbeardException(ExitCode exitCode, String message, String remedy, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.remedy = remedy;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /**
     * The stable name of this failure in JSON errors ({@code code}); the exit code's name unless a
     * subclass knows better (a configuration problem is {@code config_invalid}, not just {@code usage}).
     */
    public String code() {
        return exitCode.codeName();
    }

    /** How to fix it, or null when the message says it all. */
    public String remedy() {
        return remedy;
    }
}
