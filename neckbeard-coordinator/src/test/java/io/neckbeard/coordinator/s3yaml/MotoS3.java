package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.testing.moto.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.List;

/**
 * S3 on moto as the tests use it: path-style on the loopback endpoint, a fixed region and dummy
 * static credentials (so the SDK probes no profile or instance metadata); the SDK's standard
 * retries stay on, as in production.
 */
final class MotoS3 {
    static final String BUCKET = "team-state";

    private MotoS3() {
    }

    static S3Client client(MotoServer moto) {
        return client(moto.endpoint());
    }

    /** A client of whatever answers at {@code endpoint}, which must be loopback; {@code interceptors} see every request. */
    static S3Client client(URI endpoint, ExecutionInterceptor... interceptors) {
        return S3Client.builder().endpointOverride(MotoServer.requireLoopback(endpoint)).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config -> List.of(interceptors).forEach(config::addExecutionInterceptor))
                .build();
    }

    static S3YamlSettings settings() {
        return new S3YamlSettings(BUCKET, S3YamlSettings.DEFAULT_PREFIX, null, "us-east-1");
    }

    /** A new backend over the test bucket, with its own client (no shared cache or connection). */
    static S3YamlBackend backend(MotoServer moto) {
        return new S3YamlBackend(settings(), client(moto));
    }

    static void createBucket(MotoServer moto) {
        try (S3Client s3 = client(moto)) {
            s3.createBucket(request -> request.bucket(BUCKET));
        }
    }
}
