package io.neckbeard.provider;

import io.neckbeard.plugin.RunScope;

import java.nio.file.Path;

/**
 * What a provider or load balancer is created with: the project, the app, the AWS region (may be
 * null), and the run's {@link RunScope} (clients shared by every plugin of the run, the API call count).
 */
public record ProviderContext(Path projectRoot, String app, String region, RunScope run) {

    /** A context with a run scope of its own (tests, and a plugin used outside a command run). */
    public ProviderContext(Path projectRoot, String app, String region) {
        this(projectRoot, app, region, new RunScope());
    }
}
