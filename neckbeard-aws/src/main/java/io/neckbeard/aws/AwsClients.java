package io.neckbeard.aws;

import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.plugin.ApiCalls;
import io.neckbeard.plugin.RunScope;
import io.neckbeard.provider.ProviderContext;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The AWS SDK clients of one command run: each made on first use, once per service, and shared by
 * every provider and load balancer of the run (get this registry with {@link #of}). Every client
 * has the same setup: credentials from the SDK's default chain (environment, {@code AWS_PROFILE}
 * and {@code ~/.aws} profiles, SSO, web identity, container and instance roles), or the profile
 * config.yml's {@code aws: {profile: NAME}} names; config.yml's {@code region:} when set, else the
 * SDK's region chain ({@code AWS_REGION}, the profile's region); {@code AWS_ENDPOINT_URL} and
 * {@code AWS_ENDPOINT_URL_<SERVICE>} ({@code _EC2}, {@code _RDS}, {@code _ELASTIC_LOAD_BALANCING_V2})
 * honoured by the SDK itself; the SDK's standard retry mode (backoff with jitter, throttling and
 * 5xx included); the URL-connection HTTP client; and an {@link ApiCallCounter} that adds each
 * call to the run's {@link ApiCalls}. Only the providers' first AWS call reaches this class, so a
 * command that does not touch AWS loads no SDK class.
 *
 * <p>A service is one method: {@code public StsClient sts() { return client("STS", StsClient.class, StsClient::builder); }}.
 */
public final class AwsClients implements AutoCloseable {
    private final String region;
    private final String profile;
    private final ApiCalls calls;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();

    /**
     * @param region  config.yml's {@code region:}, or null for the SDK's region chain
     * @param profile config.yml's {@code aws.profile}, or null for the SDK's credential chain
     */
    AwsClients(String region, String profile, ApiCalls calls) {
        this.region = region;
        this.profile = profile;
        this.calls = calls;
    }

    /** The run's registry for the provider's region and profile, made on the first ask and closed with the run. */
    public static AwsClients of(ProviderContext context) {
        return of(context.run(), context.region(), context.awsProfile());
    }

    /**
     * Clients outside a deploy's run (doctor's check): the caller closes them, and their calls are
     * counted apart.
     */
    public static AwsClients standalone(String region, String profile) {
        return new AwsClients(region, profile, new ApiCalls());
    }

    /** The same for a load balancer (which has no profile of its own yet: the SDK's credential chain). */
    public static AwsClients of(LoadBalancerContext context) {
        return of(context.run(), context.region(), null);
    }

    private static AwsClients of(RunScope run, String region, String profile) {
        return run.shared(AwsClients.class.getName() + ":" + region + ":" + profile, AwsClients.class,
                () -> new AwsClients(region, profile, run.calls()));
    }

    public Ec2Client ec2() {
        return client("EC2", Ec2Client.class, Ec2Client::builder);
    }

    public RdsClient rds() {
        return client("RDS", RdsClient.class, RdsClient::builder);
    }

    public ElasticLoadBalancingV2Client elbv2() {
        return client("ELBv2", ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder);
    }

    /** The STS client {@code doctor} asks who the credentials belong to. */
    public StsClient sts() {
        return client("STS", StsClient.class, StsClient::builder);
    }

    /**
     * The run's client of a service, built on the first ask.
     *
     * @param service the service's name in the call counts, e.g. {@code EC2} in {@code EC2.DescribeInstances}
     */
    <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            String service, Class<C> type, Supplier<B> builder) {
        return type.cast(clients.computeIfAbsent(type, t -> build(service, builder.get())));
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C build(String service, B builder) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(profile == null ? DefaultCredentialsProvider.builder().build()
                        : ProfileCredentialsProvider.create(profile))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .addExecutionInterceptor(new ApiCallCounter(service, calls)).build());
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

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}
