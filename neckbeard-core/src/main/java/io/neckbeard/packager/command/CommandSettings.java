package io.neckbeard.packager.command;

import io.neckbeard.core.Durations;
import io.neckbeard.core.Suggestions;
import io.neckbeard.packager.PackagerSettingException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The command packager's settings, checked by its {@code validate} and again before every build.
 *
 * @param output the directory the command fills, inside the project
 */
record CommandSettings(String command, Path output, Duration timeout) {
    static final List<String> KEYS = List.of("command", "output", "timeout");

    /**
     * @param projectRoot the project; null to check everything but where {@code output} points
     * @throws PackagerSettingException (exit 2) naming the first setting that is unknown or not usable
     */
    static CommandSettings of(Map<String, Object> settings, Path projectRoot) {
        settings.keySet().stream().filter(k -> !KEYS.contains(k)).sorted().findFirst().ifPresent(k -> {
            throw new PackagerSettingException(k, "unknown setting '" + k + "' of the command packager",
                    Suggestions.fix(k, KEYS, "settings"));
        });
        Object command = settings.get("command");
        if (command == null || command.toString().isBlank()) {
            throw new PackagerSettingException("command", "the command packager needs packager.command",
                    "write e.g. packager: {type: command, command: ./build-slug.sh}");
        }
        Duration timeout = Durations.parseOr(settings.get("timeout"), Duration.ofMinutes(30), "packager.timeout");
        return new CommandSettings(command.toString(), output(settings.get("output"), projectRoot), timeout);
    }

    private static Path output(Object setting, Path projectRoot) {
        if (projectRoot == null) {
            return null;
        }
        Path root = projectRoot.toAbsolutePath().normalize();
        Path output = root.resolve(String.valueOf(setting == null ? "build/slug" : setting)).normalize();
        if (!output.startsWith(root) || output.equals(root)) {
            throw new PackagerSettingException("output", "packager.output must be a directory inside the project, was " + setting,
                    "use a path such as build/slug");
        }
        return output;
    }
}
