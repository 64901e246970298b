package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;

/**
 * {@code coordinator: {type: s3-yaml, bucket: B, prefix: neckbeard/}}. Every project lists this
 * factory through ServiceLoader, so it names no AWS SDK type: the SDK is loaded only by
 * {@link #create}, when a project really uses S3.
 */
public final class S3YamlBackendFactory implements CoordinatorBackendFactory {
    @Override
    public String type() {
        return "s3-yaml";
    }

    @Override
    public CoordinatorBackend create(CoordinatorContext context) {
        S3YamlSettings settings = S3YamlSettings.of(context.settings(), context.region());
        return S3YamlBackend.open(settings);
    }
}
