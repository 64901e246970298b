package io.neckbeard.aws.provider;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.Tags;
import io.neckbeard.testing.moto.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The EC2 client and launch requests of the ec2 provider's tests on moto. */
public final class MotoEc2 {
    static final String APP = "shop";
    static final Duration FIRST_POLL = Duration.ofMillis(50);

    private MotoEc2() {
    }

    /**
     * Talks to moto only: explicit region and dummy keys (no credential chain, no instance metadata), no retries.
     *
     * @param interceptors e.g. a {@link CallCounter}
     */
    public static Ec2Client client(MotoServer moto, ExecutionInterceptor... interceptors) {
        return client(moto.endpoint(), interceptors);
    }

    /** The same for any emulator on loopback (moto, LocalStack); any other endpoint is refused. */
    static Ec2Client client(URI endpoint, ExecutionInterceptor... interceptors) {
        return Ec2Client.builder()
                .endpointOverride(MotoServer.requireLoopback(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry())
                        .executionInterceptors(List.of(interceptors)).build())
                .build();
    }

    static Ec2Provider provider(Ec2Client client, int pageSize) {
        return new Ec2Provider(() -> new Ec2Instances(client, FIRST_POLL, pageSize));
    }

    static LaunchRequest request(String environment, long generation, String node, Map<String, Object> params) {
        return request(environment, generation, node, params, null);
    }

    /** @param seedFrom the seed environment's node, or null for a blank launch */
    static LaunchRequest request(String environment, long generation, String node, Map<String, Object> params, Resource seedFrom) {
        NodeSpec spec = new NodeSpec(node, node.substring(0, node.lastIndexOf('-')), Integer.parseInt(node.substring(node.lastIndexOf('-') + 1)),
                "us-east-1a", null, "ec2", List.of(), new ParamTree(params, Map.of()));
        return new LaunchRequest(APP, environment, generation, spec, params, Tags.of(APP, environment, generation, node),
                APP + "-" + environment + "-g" + generation + "-" + node, seedFrom, Path.of("."));
    }

    static LaunchRequest request(String environment, long generation, String node) {
        return request(environment, generation, node, params(Map.of()));
    }

    /** An ec2 block with moto's AMI and a small type, plus {@code more}. */
    static Map<String, Object> params(Map<String, Object> more) {
        Map<String, Object> ec2 = new HashMap<>(Map.of("image_id", "ami-12c6146b", "instance_type", "t3.micro"));
        ec2.putAll(more);
        return Map.of("ec2", ec2);
    }
}
