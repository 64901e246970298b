package io.neckbeard.provider;

import java.nio.file.Path;

/**
 * What a provider is created with: the project, the app, the AWS region and the AWS profile
 * (config.yml's {@code aws: {profile: NAME}}); region and profile may be null.
 */
public record ProviderContext(Path projectRoot, String app, String region, String awsProfile) {

    /** A context without an AWS profile (the SDK's default credentials). */
    public ProviderContext(Path projectRoot, String app, String region) {
        this(projectRoot, app, region, null);
    }
}
