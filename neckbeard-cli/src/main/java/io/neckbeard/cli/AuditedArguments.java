package io.neckbeard.cli;

import io.neckbeard.coordinator.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line as the audit trail records it: the command and its own arguments, without
 * the global options (where the project is, how output looks), with secret values masked.
 */
public final class AuditedArguments {
    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-C", "--project", "-o", "--output", "--plugin-path");
    private static final Set<String> GLOBAL_FLAGS = Set.of("-v", "--verbose", "-q", "--quiet", "--no-color", "-y", "--yes");

    private AuditedArguments() {
    }

    public static List<String> of(List<String> typed) {
        List<String> kept = new ArrayList<>();
        boolean skipValue = false;
        boolean endOfOptions = false;
        for (String argument : typed) {
            if (skipValue) {
                skipValue = false;
            } else if (endOfOptions) {
                kept.add(argument);
            } else if (argument.equals("--")) {
                endOfOptions = true;
                kept.add(argument);
            } else if (GLOBAL_WITH_VALUE.contains(argument)) {
                skipValue = true;
            } else if (!GLOBAL_FLAGS.contains(argument) && !isGlobalWithInlineValue(argument)) {
                kept.add(argument);
            }
        }
        return Arguments.mask(kept);
    }

    private static boolean isGlobalWithInlineValue(String argument) {
        if (argument.startsWith("--")) {
            int equals = argument.indexOf('=');
            return equals > 0 && GLOBAL_WITH_VALUE.contains(argument.substring(0, equals));
        }
        // -Cdir, -ojson
        return argument.length() > 2 && (argument.startsWith("-C") || argument.startsWith("-o"));
    }
}
