package io.neckbeard.provider;

import java.nio.file.Path;

/** What a provider is created with: the project, the app, the AWS region (may be null). */
public record ProviderContext(Path projectRoot, String app, String region) {
}
