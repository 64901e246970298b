package io.neckbeard.aws;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

/**
 * Builds the AWS SDK clients of the providers. Credentials follow the SDK's default chain
 * (environment, {@code AWS_PROFILE} and {@code ~/.aws} profiles, SSO, container and instance
 * roles); the region is config.yml's {@code region:} when set, else the SDK's chain
 * ({@code AWS_REGION}, the profile); {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_EC2}
 * are honoured by the SDK itself. Retries use the SDK's standard mode (backoff with jitter,
 * throttling included). Only the providers' {@code create} paths reach this class, so a command
 * that does not touch AWS loads no SDK class.
 */
public final class AwsClients {
    private AwsClients() {
    }

    /** @param region config.yml's {@code region:}, or null for the SDK's region chain */
    public static Ec2Client ec2(String region) {
        return build(Ec2Client.builder(), region, "EC2");
    }

    /** The STS client {@code doctor} asks who the credentials belong to. */
    public static StsClient sts(String region) {
        return build(StsClient.builder(), region, "STS");
    }

    private static <C, B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>> C build(B builder, String region, String service) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy()).build());
        if (region != null) {
            builder.region(Region.of(region));
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "create the " + service + " client");
        }
    }
}
