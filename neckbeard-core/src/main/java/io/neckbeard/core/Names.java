package io.neckbeard.core;

import java.util.regex.Pattern;

/**
 * The one rule for names that become file names and resource tags: environments, node types,
 * nodes, services, sizes, availability zones and load balancers. A name that passes is a single
 * path segment: never empty, never {@code .} or {@code ..}, no {@code /}, no whitespace, no shell characters.
 */
public final class Names {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    /** The rule in words, for the fix line of a message. */
    public static final String RULE = "use letters, digits, '-', '_' and '.', starting with a letter or digit";

    private Names() {
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches();
    }
}
