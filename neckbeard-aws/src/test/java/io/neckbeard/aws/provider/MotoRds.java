package io.neckbeard.aws.provider;

import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.Resource;
import io.neckbeard.testing.moto.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.ModifyDbParameterGroupRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The RDS client, settings and launch requests of the rds provider's tests on moto. */
final class MotoRds {
    static final Duration FIRST_POLL = Duration.ofMillis(20);
    static final String PASSWORD = "not-a-real-password-5150";

    private MotoRds() {
    }

    /** Talks to moto only (explicit region, dummy keys, no retries), counting the calls it makes into {@code calls}. */
    static RdsClient client(MotoServer moto, Calls calls) {
        return RdsClient.builder()
                .endpointOverride(MotoServer.requireLoopback(moto.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(calls).build())
                .build();
    }

    static RdsProvider provider(RdsClient client) {
        return new RdsProvider(() -> new RdsDatabases(client, FIRST_POLL, Clock.systemUTC()));
    }

    /** A postgres block as a node type would write it, with {@code overrides} put over it. */
    static Map<String, Object> params(Map<String, Object> overrides) {
        Map<String, Object> rds = new LinkedHashMap<>(Map.of("engine", "postgres", "engine_version", "16.3",
                "instance_class", "db.t4g.micro", "allocated_storage", 20, "db_name", "shop", "username", "shop",
                "password", PASSWORD));
        rds.putAll(overrides);
        return Map.of("rds", rds);
    }

    static LaunchRequest request(String environment, long generation, String node, Map<String, Object> overrides) {
        return MotoEc2.request(environment, generation, node, params(overrides));
    }

    static LaunchRequest seeded(LaunchRequest request, Resource seedFrom) {
        return new LaunchRequest(request.app(), request.environment(), request.generation(), request.node(), request.params(),
                request.tags(), request.clientToken(), seedFrom, request.projectRoot());
    }

    /**
     * Counts the SDK's calls by operation name (CreateDBInstance, DescribeDBInstances, ...), and
     * keeps the names of the parameters each ModifyDBParameterGroup sets.
     */
    static final class Calls implements ExecutionInterceptor {
        private final ConcurrentMap<String, Integer> counts = new ConcurrentHashMap<>();
        private final List<String> modifiedParameters = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            counts.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
            if (context.request() instanceof ModifyDbParameterGroupRequest modify) {
                modify.parameters().forEach(p -> modifiedParameters.add(p.parameterName()));
            }
        }

        /** The parameters ModifyDBParameterGroup set since the last {@link #reset}, in call order. */
        List<String> modifiedParameters() {
            return List.copyOf(modifiedParameters);
        }

        int of(String operation) {
            return counts.getOrDefault(operation, 0);
        }

        Map<String, Integer> all() {
            return new HashMap<>(counts);
        }

        void reset() {
            counts.clear();
            modifiedParameters.clear();
        }
    }
}
