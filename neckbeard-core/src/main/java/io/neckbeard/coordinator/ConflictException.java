package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;

/** A compare-and-set write found another version than the one it read: someone else wrote first. */
public class ConflictException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String environment, long expected, long found) {
        super(ExitCode.FAILED, "the state of " + environment + " changed under us (expected version " + expected
                + ", found " + found + ")", "re-read and retry; if it repeats, check who else deploys (neckbeard history "
                + environment + ")", null);
    }

    @Override
    public String code() {
        return "state_conflict";
    }
}
