package io.neckbeard.transport;

/** Quotes strings for {@code /bin/sh}, so commands built for a Transport survive any value. */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** {@code it's} becomes {@code 'it'\''s'}: single quotes, with each embedded quote closed, escaped and reopened. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
