package io.neckbeard.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations written in configuration: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * @param setting names the setting in the error message, e.g. {@code node_types.app.health_check.timeout}
     * @throws NeckbeardException exit 2 when {@code text} is not a duration
     */
    public static Duration parse(String text, String setting) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches() || m.group(1).length() > 12) {
            throw new NeckbeardException(ExitCode.USAGE, "'" + text + "' is not a duration (at " + setting + ")",
                    "write a whole number followed by ms, s, m or h, e.g. 500ms, 30s, 2m");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** {@link #parse} of {@code value}, or {@code fallback} when the setting is absent. */
    public static Duration parseOr(Object value, Duration fallback, String setting) {
        return value == null ? fallback : parse(value.toString(), setting);
    }
}
