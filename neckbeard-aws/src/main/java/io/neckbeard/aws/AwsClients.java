package io.neckbeard.aws;

import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.plugin.ApiCalls;
import io.neckbeard.plugin.RunScope;
import io.neckbeard.provider.ProviderContext;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The AWS SDK clients of one command run: each made on first use, once per service, and shared by
 * every provider and load balancer of the run (get this registry with {@link #of}). Every client
 * has the same setup: credentials from the SDK's default chain (environment, {@code AWS_PROFILE}
 * and {@code ~/.aws} profiles, SSO, web identity, container and instance roles); config.yml's
 * {@code region:} when set, else the SDK's region chain ({@code AWS_REGION}, the profile);
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} honoured by the SDK itself; the
 * SDK's standard retry mode (backoff with jitter, throttling and 5xx included); the URL-connection
 * HTTP client; and an {@link ApiCallCounter} that adds each call to the run's {@link ApiCalls}.
 * Only the providers' first AWS call reaches this class, so a command that does not touch AWS
 * loads no SDK class.
 *
 * <p>A service is one method: {@code public RdsClient rds() { return client("RDS", RdsClient.class, RdsClient::builder); }}.
 */
public final class AwsClients implements AutoCloseable {
    private final String region;
    private final ApiCalls calls;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();

    AwsClients(String region, ApiCalls calls) {
        this.region = region;
        this.calls = calls;
    }

    /** The run's registry for the provider's region, made on the first ask and closed with the run. */
    public static AwsClients of(ProviderContext context) {
        return of(context.run(), context.region());
    }

    /** The same for a load balancer: the clients its run's providers use too. */
    public static AwsClients of(LoadBalancerContext context) {
        return of(context.run(), context.region());
    }

    /** @param region config.yml's {@code region:}, or null for the SDK's region chain */
    private static AwsClients of(RunScope run, String region) {
        return run.shared(AwsClients.class.getName() + ":" + region, AwsClients.class, () -> new AwsClients(region, run.calls()));
    }

    public Ec2Client ec2() {
        return client("EC2", Ec2Client.class, Ec2Client::builder);
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
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .addExecutionInterceptor(new ApiCallCounter(service, calls)).build());
        if (region != null) {
            builder.region(Region.of(region));
        }
        try {
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
