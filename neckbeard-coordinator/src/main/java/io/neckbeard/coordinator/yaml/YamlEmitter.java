package io.neckbeard.coordinator.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the block-style YAML of maps, lists of maps and scalars that the state files use.
 * Hand-written because SnakeYAML's general emitter takes seconds on a state of thousands of
 * nodes; the output is still parsed by SnakeYAML. A string is written plain only when it starts
 * with a letter or '/' and cannot be read back as anything but that string; otherwise it is
 * double-quoted, and every character a YAML reader refuses or reads as something else (control
 * characters C0 and C1, line and paragraph separators, U+FFFE/U+FFFF, a byte order mark, a lone
 * surrogate) is written as a backslash-u escape, so whatever is written reads back as it was.
 */
final class YamlEmitter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./@+-]*(:[A-Za-z0-9_./@+-]+)*");
    private static final Set<String> RESERVED = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null");
    /**
     * The longest key written as {@code key: value}: a YAML reader looks for the ':' of such an
     * implicit key within 1,024 characters. A longer one is written as an explicit {@code ? key}.
     */
    private static final int MAX_IMPLICIT_KEY = 1000;

    private final StringBuilder out = new StringBuilder(4096);

    static String mapping(Map<String, ?> root) {
        YamlEmitter emitter = new YamlEmitter();
        emitter.entries(root, "", "");
        return emitter.out.toString();
    }

    /** Writes the entries of {@code map}, the first after {@code firstPrefix}, the others after {@code indent}. */
    private void entries(Map<String, ?> map, String firstPrefix, String indent) {
        boolean first = true;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            String key = string(entry.getKey());
            out.append(first ? firstPrefix : indent);
            if (key.length() > MAX_IMPLICIT_KEY) {
                out.append("? ").append(key).append('\n').append(indent).append(':');
            } else {
                out.append(key).append(':');
            }
            first = false;
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                if (nested.isEmpty()) {
                    out.append(" {}\n");
                } else {
                    out.append('\n');
                    entries(cast(nested), indent + "  ", indent + "  ");
                }
            } else if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    out.append(" []\n");
                } else {
                    out.append('\n');
                    for (Object item : list) {
                        entries(cast((Map<?, ?>) item), indent + "- ", indent + "  ");
                    }
                }
            } else {
                out.append(' ').append(scalar(value)).append('\n');
            }
        }
    }

    private static String scalar(Object value) {
        return value instanceof Number || value instanceof Boolean ? value.toString() : string(value.toString());
    }

    private static String string(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        quoted.append(c).append(text.charAt(++i));
                    } else if (printable(c)) {
                        quoted.append(c);
                    } else {
                        quoted.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * Whether {@code c} can stand as itself inside a double-quoted YAML scalar: YAML's printable
     * set without the characters a reader takes as line breaks (U+0085, U+2028, U+2029) or drops
     * (a byte order mark). Surrogates are never printable alone.
     */
    private static boolean printable(char c) {
        return (c >= 0x20 && c <= 0x7e)
                || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
                || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
