package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.TypedSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code coordinator:} block given on the command line ({@code migrate --to}): inline YAML or
 * JSON flow such as {@code {type: local-yaml, path: backup}}, or a file holding that mapping
 * (bare, or under a {@code coordinator:} key, as in config.yml).
 */
public final class CoordinatorSettings {
    private CoordinatorSettings() {
    }

    /**
     * @param option     names the option in messages, e.g. {@code --to}
     * @param workingDir what a relative file name is relative to
     * @throws NeckbeardException exit 2 when it is neither, or names no type
     */
    public static TypedSettings parse(String value, String option, Path workingDir) {
        String trimmed = value.trim();
        String text = trimmed.startsWith("{") ? trimmed : read(workingDir.resolve(trimmed), option);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw invalid(option, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root instanceof Map<?, ?> map && map.size() == 1 && map.get("coordinator") instanceof Map<?, ?> block) {
            root = block;
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)) {
            throw invalid(option, "is not a coordinator block with a type");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        map.forEach((key, setting) -> settings.put(String.valueOf(key), setting));
        settings.remove("type");
        return new TypedSettings(type, settings, null);
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(option, "names a file that cannot be read: " + file + " (" + e.getMessage() + ")");
        }
    }

    private static NeckbeardException invalid(String option, String what) {
        return new NeckbeardException(ExitCode.USAGE, option + " " + what,
                "give the target like the coordinator: block of config.yml, inline ('{type: local-yaml, path: "
                        + "backup/state}') or as a YAML file");
    }
}
