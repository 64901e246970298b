package io.neckbeard.provisioner.shell;

import io.neckbeard.core.Durations;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.Suggestions;
import io.neckbeard.provisioner.ProvisionerSettingException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code provisioner:} block of the shell provisioner, checked: by {@code check} (through
 * {@link ShellProvisionerFactory#validate}) and again when a node is provisioned.
 *
 * @param scripts paths relative to the project root, each an existing file under it; empty for
 *                no provisioning (the Stack still deploys the slug)
 */
record ShellSettings(List<String> scripts, Duration timeout) {
    static final List<String> KEYS = List.of("scripts", "timeout");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    ShellSettings {
        scripts = List.copyOf(scripts);
    }

    /** @throws ProvisionerSettingException (exit 2) naming the first setting that is unknown or not usable */
    static ShellSettings of(Map<String, Object> settings, Path projectRoot) {
        settings.keySet().stream().filter(k -> !KEYS.contains(k)).sorted().findFirst().ifPresent(k -> {
            throw new ProvisionerSettingException(k, "unknown setting 'provisioner." + k + "' of the shell provisioner",
                    Suggestions.fix(k, KEYS, "settings") + " (scripts: paths relative to the project root; timeout: e.g. 10m)");
        });
        return new ShellSettings(scripts(settings.get("scripts"), projectRoot), timeout(settings.get("timeout")));
    }

    private static List<String> scripts(Object value, Path projectRoot) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ProvisionerSettingException("scripts", "provisioner.scripts must be a list of script paths, was: " + value,
                    "write e.g. provisioner: {type: shell, scripts: [neckbeard/provision.sh]}, or scripts: [] for none");
        }
        Path root = projectRoot.toAbsolutePath().normalize();
        List<String> scripts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String setting = "scripts[" + i + "]";
            if (!(list.get(i) instanceof String script) || script.isBlank()) {
                throw new ProvisionerSettingException(setting, "provisioner.scripts item " + (i + 1) + " is not a path: "
                        + list.get(i), "write each script as a path relative to the project root, e.g. neckbeard/provision.sh");
            }
            Path file = root.resolve(script).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                throw new ProvisionerSettingException(setting, "provisioner.scripts names '" + script
                        + "', which is not a file under the project root " + root,
                        "create " + file + ", or fix the path (relative to the project root) in neckbeard/config.yml");
            }
            scripts.add(script);
        }
        return scripts;
    }

    private static Duration timeout(Object value) {
        try {
            return Durations.parseOr(value, DEFAULT_TIMEOUT, "provisioner.timeout");
        } catch (NeckbeardException e) {
            throw new ProvisionerSettingException("timeout", e.getMessage(), e.remedy());
        }
    }
}
