package io.neckbeard.core;

/** The process exit codes of DESIGN §4; every failure carries one of these. */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** The operation failed: a node failed to launch, provision or become healthy. */
    FAILED(1),
    /** Usage or configuration error. */
    USAGE(2),
    /** The environment is locked by someone else. */
    LOCKED(3),
    /** Refused by a safety rule (HA target, active generation without --force, unhealthy promote). */
    REFUSED(4),
    /** Interrupted (Ctrl-C). */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
