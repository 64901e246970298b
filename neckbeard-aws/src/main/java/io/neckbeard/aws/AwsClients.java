package io.neckbeard.aws;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the AWS SDK clients of the providers. Credentials follow the SDK's default chain
 * (environment, {@code AWS_PROFILE} and {@code ~/.aws} profiles, SSO, container and instance
 * roles), or the profile config.yml's {@code aws: {profile: NAME}} names; the region is
 * config.yml's {@code region:} when set, else the SDK's chain ({@code AWS_REGION}, the profile's
 * region); {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}
 * ({@code _EC2}, {@code _RDS}, {@code _ELASTIC_LOAD_BALANCING_V2})
 * are honoured by the SDK itself. Retries use the SDK's standard mode (backoff with jitter,
 * throttling included). Only the providers' {@code create} paths reach this class, so a command
 * that does not touch AWS loads no SDK class.
 */
public final class AwsClients {
    private AwsClients() {
    }

    /**
     * @param region  config.yml's {@code region:}, or null for the SDK's region chain
     * @param profile config.yml's {@code aws.profile}, or null for the SDK's credential chain
     */
    public static Ec2Client ec2(String region, String profile) {
        return withProfile(Ec2Client.builder(), region, profile, "EC2");
    }

    /** The STS client {@code doctor} asks who the providers' credentials belong to: built as {@link #ec2} builds EC2's. */
    public static StsClient sts(String region, String profile) {
        return withProfile(StsClient.builder(), region, profile, "STS");
    }

    private static <C, B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>> C withProfile(B builder, String region,
                                                                                                        String profile, String service) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(profile == null ? DefaultCredentialsProvider.builder().build()
                        : ProfileCredentialsProvider.create(profile))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy()).build());
        try {
            if (region != null) {
                builder.region(Region.of(region));
            } else if (profile != null) {
                builder.region(DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion());
            }
            return builder.build();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "create the " + service + " client");
        }
    }

    /** The RDS client, built as {@link #ec2} builds EC2's. @param region config.yml's {@code region:}, or null for the SDK's region chain */
    public static RdsClient rds(String region) {
        var builder = RdsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy()).build());
        if (region != null) {
            builder.region(Region.of(region));
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "create the RDS client");
        }
    }

    /** The elbv2 load balancer's client, built as {@link #ec2} builds EC2's. */
    public static ElasticLoadBalancingV2Client elbv2(String region) {
        var builder = ElasticLoadBalancingV2Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy()).build());
        if (region != null) {
            builder.region(Region.of(region));
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "create the ELBv2 client");
        }
    }
}
