package io.neckbeard.model;

import java.util.Map;
import java.util.Objects;

/**
 * A node's parameter tree with every {@code ${...}} resolved.
 *
 * @param values   what the node gets (contains secrets read from {@code ${env:VAR}})
 * @param redacted the same tree with each {@code ${env:VAR}} left as written: the only form
 *                 that may be logged, digested or stored in the coordinator
 */
public record ResolvedParams(Map<String, Object> values, Map<String, Object> redacted) {

    /** A tree without secrets (every value as written), e.g. for a check of settings written in the configuration. */
    public static ResolvedParams plain(Map<String, Object> values) {
        return new ResolvedParams(values, values);
    }

    /** Whether the value at the dotted {@code path} ({@code ssh.port}) was read from a {@code ${env:VAR}}. */
    public boolean secret(String path) {
        return !Objects.equals(at(values, path), at(redacted, path));
    }

    /**
     * How a message may quote the value at the dotted {@code path}: the value itself, or, when it
     * holds a {@code ${env:VAR}}, the setting as written ({@code ${env:SSH_PORT}}): the variable is
     * named, its value never shown.
     */
    public String shown(String path) {
        return String.valueOf(at(redacted, path));
    }

    private static Object at(Map<String, Object> tree, String path) {
        Object current = tree;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
