package io.neckbeard.coordinator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One line of the append-only audit trail.
 *
 * @param arguments  the command line with secret and config-var values masked
 * @param generation the generation the command acted on, or null
 * @param result     {@code ok}, {@code failed}, {@code refused} (exit 4), {@code locked} (exit 3, never ran),
 *                   {@code interrupted}
 */
public record AuditEntry(Instant at, String user, String host, String environment, String command,
                         List<String> arguments, Long generation, String result, Duration duration) {
    public AuditEntry {
        arguments = List.copyOf(arguments);
    }
}
