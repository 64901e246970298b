package io.neckbeard.core;

/**
 * The process exit codes (docs/deploys.md, "Exit codes"); every failure carries one of these.
 * Each has the stable name JSON errors give as {@code code} unless the exception names a more
 * precise one ({@link NeckbeardException#code()}).
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0, "ok"),
    /** The operation failed: a node failed to launch, provision or become healthy. */
    FAILED(1, "operation_failed"),
    /** Usage or configuration error. */
    USAGE(2, "usage"),
    /** The environment is locked by someone else. */
    LOCKED(3, "locked"),
    /** Refused by a safety rule (HA target, active generation without --force, unhealthy promote). */
    REFUSED(4, "safety_refused"),
    /** A bug in neckbeard or a plugin: an exception nobody expected (EX_SOFTWARE of sysexits.h). */
    INTERNAL(70, "internal"),
    /** Interrupted (Ctrl-C). */
    INTERRUPTED(130, "interrupted");

    private final int code;
    private final String codeName;

    ExitCode(int code, String codeName) {
        this.code = code;
        this.codeName = codeName;
    }

    /** The stable name of this exit code in JSON errors, e.g. {@code safety_refused}. */
    public String codeName() {
        return codeName;
    }

    public int code() {
        return code;
    }
}
