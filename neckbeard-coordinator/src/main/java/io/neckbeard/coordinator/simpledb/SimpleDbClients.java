package io.neckbeard.coordinator.simpledb;

import com.amazonaws.SdkClientException;
import com.amazonaws.auth.profile.ProfileCredentialsProvider;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.regions.DefaultAwsRegionProviderChain;
import com.amazonaws.services.simpledb.AmazonSimpleDBClientBuilder;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;

/** Builds the SDK v1 client: the region given (else the default chain), a profile if named, an endpoint override if set. */
final class SimpleDbClients {
    private static final String QUIET_PROPERTY = "aws.java.v1.disableDeprecationAnnouncement";

    private SimpleDbClients() {
    }

    /** @param endpoint an endpoint override (e.g. an emulator on loopback), or null for the region's own */
    static SimpleDbBackend backend(String domain, String region, String profile, String endpoint, LocalYamlBackend mirror) {
        // Without this the SDK prints its end-of-support notice, with a stack trace, on every command.
        if (System.getProperty(QUIET_PROPERTY) == null) {
            System.setProperty(QUIET_PROPERTY, "true");
        }
        try {
            AmazonSimpleDBClientBuilder builder = AmazonSimpleDBClientBuilder.standard();
            if (profile != null) {
                builder.withCredentials(new ProfileCredentialsProvider(profile));
            }
            String resolvedRegion = region;
            if (endpoint != null) {
                resolvedRegion = region != null ? region : new DefaultAwsRegionProviderChain().getRegion();
                builder.withEndpointConfiguration(new EndpointConfiguration(endpoint, resolvedRegion));
            } else if (region != null) {
                builder.withRegion(region);
            }
            return new SimpleDbBackend(builder.build(), domain, resolvedRegion, mirror);
        } catch (SdkClientException e) {
            throw SimpleDbDomain.clientError(e);
        }
    }

    /** {@code AWS_ENDPOINT_URL_SDB}, else {@code AWS_ENDPOINT_URL} (the SDKs' convention), else null. */
    static String endpointOverride() {
        for (String variable : new String[] {"AWS_ENDPOINT_URL_SDB", "AWS_ENDPOINT_URL"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
