package io.neckbeard.packager;

import io.neckbeard.core.Maps;

import java.nio.file.Path;
import java.util.Map;

/** What a packager is created with: the project, the app, the {@code packager:} block without {@code type}. */
public record PackagerContext(Path projectRoot, String app, Map<String, Object> settings) {
    public PackagerContext {
        settings = Maps.copy(settings);
    }
}
