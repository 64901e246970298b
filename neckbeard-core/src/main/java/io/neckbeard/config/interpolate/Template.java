package io.neckbeard.config.interpolate;

import java.util.ArrayList;
import java.util.List;

/**
 * A string split into literal text, {@code ${expression}} references and {@code $${} escapes
 * (a literal {@code ${}). Parsed by hand: this runs for every string of every node.
 */
public record Template(List<Part> parts) {

    public sealed interface Part permits Text, Escape, Ref {
    }

    public record Text(String text) implements Part {
    }

    /** {@code $${}: stays written as {@code $${} until run-time resolution turns it into {@code ${}. */
    public record Escape() implements Part {
    }

    public record Ref(String expression) implements Part {
        public String written() {
            return "${" + expression + "}";
        }
    }

    /** True when {@code value} may hold a reference or an escape. */
    public static boolean mayContain(String value) {
        return value.indexOf("${") >= 0;
    }

    /** @throws IllegalArgumentException for an unterminated or empty {@code ${} */
    public static Template parse(String value) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("$${", i)) {
                flush(text, parts);
                parts.add(new Escape());
                i += 3;
            } else if (value.startsWith("${", i)) {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated '${' in '" + value + "'");
                }
                String expression = value.substring(i + 2, end).trim();
                if (expression.isEmpty()) {
                    throw new IllegalArgumentException("empty reference '${}' in '" + value + "'");
                }
                flush(text, parts);
                parts.add(new Ref(expression));
                i = end + 1;
            } else {
                text.append(value.charAt(i++));
            }
        }
        flush(text, parts);
        return new Template(parts);
    }

    /** The whole string is one reference: its value keeps its type (a number stays a number). */
    public boolean whole() {
        return parts.size() == 1 && parts.get(0) instanceof Ref;
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
            text.setLength(0);
        }
    }
}
