package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds the S3 client: the project's region or the SDK's region chain, the profile or the SDK's
 * credential chain, the JDK's own HTTP client (docs/architecture.md says why), and an endpoint
 * override from {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} (or their system
 * properties, {@code aws.endpointUrlS3} / {@code aws.endpointUrl}), with path-style addressing,
 * since an emulator or an S3-compatible store serves no per-bucket host names.
 */
public final class S3Clients {
    private S3Clients() {
    }

    public static S3Client create(S3YamlSettings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(region(settings))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpointOverride(System::getProperty, System::getenv)
                .ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    /**
     * The endpoint override, looked up in the order the SDK uses: service-specific first, system
     * property before variable; the lookups are parameters so that tests need not change the JVM's.
     */
    static Optional<URI> endpointOverride(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String[][] lookups = {{"aws.endpointUrlS3", null}, {null, "AWS_ENDPOINT_URL_S3"}, {"aws.endpointUrl", null},
                {null, "AWS_ENDPOINT_URL"}};
        for (String[] lookup : lookups) {
            String value = lookup[0] != null ? properties.apply(lookup[0]) : environment.apply(lookup[1]);
            if (value != null && !value.isBlank()) {
                try {
                    return Optional.of(URI.create(value.trim()));
                } catch (IllegalArgumentException e) {
                    throw new CoordinatorException(ExitCode.USAGE, "'" + value + "' is not a URL (from "
                            + (lookup[0] != null ? lookup[0] : lookup[1]) + ")", "set it to the endpoint, e.g. "
                            + "http://127.0.0.1:5000, or unset it to use AWS itself", e);
                }
            }
        }
        return Optional.empty();
    }

    private static Region region(S3YamlSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (settings.profile() != null) {
                chain.profileName(settings.profile());
            }
            return chain.build().getRegion();
        } catch (SdkClientException none) {
            throw new CoordinatorException(ExitCode.USAGE, "no AWS region for the s3-yaml coordinator (bucket "
                    + settings.bucket() + "): neither 'region:' in neckbeard/config.yml nor AWS_REGION nor the AWS "
                    + "profile names one", "add 'region: us-east-1' (the bucket's region) to neckbeard/config.yml, or "
                    + "export AWS_REGION", null);
        }
    }

    private static AwsCredentialsProvider credentials(S3YamlSettings settings) {
        return settings.profile() != null ? ProfileCredentialsProvider.create(settings.profile())
                : DefaultCredentialsProvider.builder().build();
    }
}
