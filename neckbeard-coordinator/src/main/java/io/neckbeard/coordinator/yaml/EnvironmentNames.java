package io.neckbeard.coordinator.yaml;

import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;

import java.util.regex.Pattern;

/** The environment names a YAML backend stores: they become a directory or a key segment, so no '/' and no '..'. */
public final class EnvironmentNames {
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private EnvironmentNames() {
    }

    /**
     * @return {@code environment}
     * @throws CoordinatorException exit 2 when it is not a valid name
     */
    public static String checked(String environment) {
        if (!ENVIRONMENT_NAME.matcher(environment).matches()) {
            throw new CoordinatorException(ExitCode.USAGE, "'" + environment + "' is not a valid environment name",
                    "use letters, digits, '-', '_' and '.', starting with a letter or digit", null);
        }
        return environment;
    }
}
