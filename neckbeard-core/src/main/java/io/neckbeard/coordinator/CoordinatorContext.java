package io.neckbeard.coordinator;

import java.nio.file.Path;
import java.util.Map;

/** What a backend is created with: the project, the {@code coordinator:} block without {@code type}, the region. */
public record CoordinatorContext(Path projectRoot, String app, Map<String, Object> settings, String region) {
}
