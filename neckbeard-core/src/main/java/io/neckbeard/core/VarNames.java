package io.neckbeard.core;

import java.util.regex.Pattern;

/**
 * The one rule for the names of the variables the app gets (config vars, {@code app_env} keys):
 * checked where a name is set, where it is read back from the coordinator's state and where the
 * Stack writes its env file, which {@code /bin/sh} reads on every node, so no name can carry shell
 * syntax onto a node.
 */
public final class VarNames {
    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    /** How to write a valid name, for remedies. */
    public static final String RULE = "use upper-case letters, digits and '_', not starting with a digit (e.g. DATABASE_URL)";

    private VarNames() {
    }

    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
