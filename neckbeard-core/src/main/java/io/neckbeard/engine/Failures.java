package io.neckbeard.engine;

import io.neckbeard.core.NeckbeardException;

/**
 * How a failure on one node reads in its outcome. Work on one node catches its failures, so one
 * node's failure is reported for that node and the others finish and are recorded, instead of
 * aborting the whole command half-way. (A deploy's {@link NodeWork} reports a bug as well, then
 * rethrows it: exit 70.)
 */
final class Failures {
    private Failures() {
    }

    /** The failure's message, and on a line of its own the remedy when it names one (e.g. the ssh-keyscan line for an unknown host key). */
    static String describe(RuntimeException failure) {
        if (failure instanceof NeckbeardException known) {
            return known.remedy() == null || known.remedy().isBlank() ? known.getMessage()
                    : known.getMessage() + "\nfix: " + known.remedy();
        }
        return failure.toString();
    }
}
