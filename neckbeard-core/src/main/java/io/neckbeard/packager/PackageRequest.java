package io.neckbeard.packager;

import io.neckbeard.core.Maps;

import java.nio.file.Path;
import java.util.Map;

/**
 * @param settings  the {@code packager:} block without {@code type}
 * @param outputDir where slugs are kept ({@code <project>/.neckbeard/slugs})
 */
public record PackageRequest(String app, Path projectRoot, Map<String, Object> settings, Path outputDir) {
    public PackageRequest {
        settings = Maps.copy(settings);
    }
}
