package io.neckbeard.provisioner.chefsolo;

import io.neckbeard.core.Durations;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.Suggestions;
import io.neckbeard.provisioner.ProvisionerSettingException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code provisioner:} block of chef-solo, checked: by {@code check} (through
 * {@link ChefSoloProvisionerFactory#validate}) and again when a node is provisioned.
 *
 * @param cookbooks local cookbooks directory; may be absent only when it is the default one
 * @param roles     local directory of {@code <role>.json} files
 * @param command   the chef-solo command on the node, put into the shell command as written
 *                  (so {@code sudo chef-solo} works)
 * @param logLevel  chef's {@code -l} level, or null for chef's default
 */
record ChefSoloSettings(Path cookbooks, Path roles, String command, String logLevel, Duration timeout) {
    static final String DEFAULT_COOKBOOKS = "neckbeard/chef/cookbooks";
    static final String DEFAULT_ROLES = "neckbeard/chef/roles";
    static final List<String> KEYS = List.of("cookbooks", "roles", "chef_solo", "log_level", "timeout");
    private static final List<String> LOG_LEVELS = List.of("auto", "trace", "debug", "info", "warn", "error", "fatal");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** @throws ProvisionerSettingException (exit 2) naming the first setting that is unknown, not text or not usable */
    static ChefSoloSettings of(Map<String, Object> settings, Path projectRoot) {
        settings.keySet().stream().filter(k -> !KEYS.contains(k)).sorted().findFirst().ifPresent(k -> {
            throw new ProvisionerSettingException(k, "unknown setting 'provisioner." + k + "' of the chef-solo provisioner",
                    Suggestions.fix(k, KEYS, "settings") + " (see docs/provisioning.md)");
        });
        Path cookbooks = projectRoot.resolve(text(settings, "cookbooks", DEFAULT_COOKBOOKS));
        if (settings.containsKey("cookbooks") && !Files.isDirectory(cookbooks)) {
            throw new ProvisionerSettingException("cookbooks", "provisioner.cookbooks names " + cookbooks + ", which is not a directory",
                    "create it, or remove the setting to use " + DEFAULT_COOKBOOKS + " when it exists");
        }
        Path roles = projectRoot.resolve(text(settings, "roles", DEFAULT_ROLES));
        String command = text(settings, "chef_solo", "chef-solo");
        if (command.isBlank()) {
            throw new ProvisionerSettingException("chef_solo", "provisioner.chef_solo is empty",
                    "leave it out to run chef-solo from the node's PATH, or give the command, e.g. /opt/chef/bin/chef-solo");
        }
        String logLevel = text(settings, "log_level", null);
        if (logLevel != null && !LOG_LEVELS.contains(logLevel)) {
            throw new ProvisionerSettingException("log_level", "provisioner.log_level '" + logLevel + "' is not a chef-solo log level",
                    "use one of " + String.join(", ", LOG_LEVELS));
        }
        Duration timeout;
        try {
            timeout = Durations.parseOr(settings.get("timeout"), DEFAULT_TIMEOUT, "provisioner.timeout");
        } catch (NeckbeardException e) {
            throw new ProvisionerSettingException("timeout", e.getMessage(), e.remedy());
        }
        return new ChefSoloSettings(cookbooks, roles, command, logLevel, timeout);
    }

    private static String text(Map<String, Object> settings, String key, String fallback) {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String string)) {
            throw new ProvisionerSettingException(key, "provisioner." + key + " must be text, was: " + value,
                    "write e.g. provisioner: {type: chef-solo, " + key + ": ...}");
        }
        return string;
    }
}
