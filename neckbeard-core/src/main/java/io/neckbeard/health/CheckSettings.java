package io.neckbeard.health;

import io.neckbeard.core.Durations;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.Suggestions;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.plugin.SettingException;

import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks a {@code health_check:} block for a built-in check. {@code timeout} and
 * {@code interval} (how long and how often the engine polls) are allowed in every block.
 * Every mistake is a usage error (exit 2) naming the setting and where it was written.
 */
public final class CheckSettings {
    private static final Set<String> ENGINE_KEYS = Set.of("timeout", "interval");

    private final TypedSettings settings;

    /** @param known the check's own keys; any other key (but timeout and interval) is refused */
    public CheckSettings(TypedSettings settings, Set<String> known) {
        this.settings = settings;
        Set<String> allowed = new TreeSet<>(known);
        allowed.addAll(ENGINE_KEYS);
        for (String key : settings.settings().keySet()) {
            if (!allowed.contains(key)) {
                throw error(key, "unknown setting 'health_check." + key + "' of the " + settings.type() + " health check",
                        Suggestions.fix(key, allowed, "settings"));
            }
        }
        for (String key : ENGINE_KEYS) {
            Object value = settings.settings().get(key);
            if (value != null) {
                Durations.parse(value.toString(), where("health_check." + key));
            }
        }
    }

    /** An integer setting in {@code [min, max]}, or {@code fallback} (may be null) when absent. */
    public Integer integer(String key, Integer fallback, int min, int max) {
        Object value = settings.settings().get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.toString().strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(key, "health_check." + key + " must be a whole number from " + min + " to " + max + ", was '" + value + "'",
                "fix it in the node type's health_check");
    }

    /** A string setting, or {@code fallback} (may be null) when absent. */
    public String string(String key, String fallback) {
        return settings.string(key, fallback);
    }

    /** A string setting that must be present and not blank. */
    public String required(String key) {
        String value = settings.string(key, "");
        if (value.isBlank()) {
            throw error(key, "the " + settings.type() + " health check needs health_check." + key, "add it to the node type's health_check");
        }
        return value;
    }

    /** For the port of a node that has none and a check that sets none. */
    /**
     * The port to check: the check's own {@code port} setting, else the node's.
     *
     * @throws NeckbeardException exit 2 when neither is set
     */
    public int port(Integer configured, HealthTarget target) {
        if (configured != null) {
            return configured;
        }
        if (target.port() == null) {
            throw noPort(target.node());
        }
        return target.port();
    }

    private NeckbeardException noPort(String node) {
        return error("port", "the " + settings.type() + " health check of node " + node + " has no port: health_check.port is not set and the node has none",
                "set health_check.port");
    }

    /** @param setting the key inside {@code health_check:}, so {@code check} reports the problem at its line */
    private NeckbeardException error(String setting, String message, String remedy) {
        return new SettingException(setting, where(message), remedy);
    }

    private String where(String message) {
        return settings.origin() == null ? message : settings.origin().file() + ":" + settings.origin().line() + ": " + message;
    }
}
