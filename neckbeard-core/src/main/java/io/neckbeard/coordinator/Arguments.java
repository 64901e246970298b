package io.neckbeard.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Masks what must never reach the audit trail: config-var values and secret-looking option values. */
public final class Arguments {
    static final String MASK = "***";
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "token", "key");

    private Arguments() {
    }

    /**
     * The command line with every {@code K=V} after {@code set} (as in {@code vars ENV set K=V})
     * turned into {@code K=***}, and the value of any option whose name contains password,
     * secret, token or key ({@code --password x}, {@code --token=x}) masked.
     */
    public static List<String> mask(List<String> arguments) {
        List<String> masked = new ArrayList<>(arguments.size());
        boolean afterSet = false;
        boolean maskNext = false;
        for (String argument : arguments) {
            if (maskNext) {
                masked.add(MASK);
                maskNext = false;
            } else if (argument.startsWith("-") && secretOption(argument)) {
                int equals = argument.indexOf('=');
                if (equals >= 0) {
                    masked.add(argument.substring(0, equals + 1) + MASK);
                } else {
                    masked.add(argument);
                    maskNext = true;
                }
            } else if (afterSet && !argument.startsWith("-") && argument.indexOf('=') > 0) {
                masked.add(argument.substring(0, argument.indexOf('=') + 1) + MASK);
            } else {
                masked.add(argument);
            }
            afterSet = afterSet || "set".equals(argument);
        }
        return List.copyOf(masked);
    }

    private static boolean secretOption(String option) {
        int equals = option.indexOf('=');
        String name = (equals >= 0 ? option.substring(0, equals) : option).toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains);
    }
}
