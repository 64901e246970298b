package io.neckbeard.engine;

import io.neckbeard.core.NeckbeardException;

/**
 * How a failure on one node reads in its outcome. Work on one node catches every runtime
 * failure, so one node's surprise (a bug, a bad attribute) is reported for that node and the
 * others finish and are recorded, instead of aborting the whole command half-way.
 */
final class Failures {
    private Failures() {
    }

    static String describe(RuntimeException failure) {
        return failure instanceof NeckbeardException known ? known.getMessage() : failure.toString();
    }
}
