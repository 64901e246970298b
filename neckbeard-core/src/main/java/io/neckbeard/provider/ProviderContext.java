package io.neckbeard.provider;

import io.neckbeard.plugin.RunScope;

import java.nio.file.Path;

/**
 * What a provider is created with: the project, the app, the AWS region and the AWS profile
 * (config.yml's {@code aws: {profile: NAME}}); region and profile may be null. And the run's
 * {@link RunScope}: clients shared by every plugin of the run, the API call count.
 */
public record ProviderContext(Path projectRoot, String app, String region, String awsProfile, RunScope run) {

    /** A context with its own run scope (tests, and a plugin used outside a command run). */
    public ProviderContext(Path projectRoot, String app, String region, String awsProfile) {
        this(projectRoot, app, region, awsProfile, new RunScope());
    }

    /** The same without an AWS profile (the SDK's default credentials). */
    public ProviderContext(Path projectRoot, String app, String region) {
        this(projectRoot, app, region, null);
    }
}
