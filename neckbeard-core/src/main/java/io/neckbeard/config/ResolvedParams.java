package io.neckbeard.config;

import java.util.Map;

/**
 * A node's parameter tree with every {@code ${...}} resolved.
 *
 * @param values   what the node gets (contains secrets read from {@code ${env:VAR}})
 * @param redacted the same tree with each {@code ${env:VAR}} left as written: the only form
 *                 that may be logged, digested or stored in the coordinator
 */
public record ResolvedParams(Map<String, Object> values, Map<String, Object> redacted) {
}
