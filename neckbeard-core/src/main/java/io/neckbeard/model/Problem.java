package io.neckbeard.model;

import java.nio.file.Path;

/**
 * One configuration problem. Rendered as
 * {@code file:line:column: message (at keyPath)} followed by the fix on its own line.
 *
 * @param keyPath dotted key path, e.g. {@code node_types.app.size}; may be empty for file-level problems
 * @param fix     how to fix it, including a "did you mean" where one applies; may be null
 */
public record Problem(Path file, int line, int column, String keyPath, String message, String fix) {

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(file).append(':').append(line).append(':').append(column).append(": ").append(message);
        if (keyPath != null && !keyPath.isEmpty()) {
            out.append(" (at ").append(keyPath).append(')');
        }
        if (fix != null && !fix.isEmpty()) {
            out.append(System.lineSeparator()).append("    fix: ").append(fix);
        }
        return out.toString();
    }
}
