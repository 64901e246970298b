package io.neckbeard.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Library logs go to stderr: warnings by default, debug with --verbose, errors only with --quiet. */
final class Logging {
    private Logging() {
    }

    static void configure(GlobalOptions options) {
        Level level = options.verbose() ? Level.DEBUG : options.quiet() ? Level.ERROR : Level.WARN;
        ((Logger) LoggerFactory.getLogger("io.neckbeard")).setLevel(level);
    }
}
