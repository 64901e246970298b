package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Ec2ProviderTests} on moto, reset before each test (required by scripts/test: never skipped there), and moto-only tests. */
@ExtendWith(MotoExtension.class)
class Ec2ProviderOnMotoTest extends Ec2ProviderTests {
    private final MotoServer moto;

    Ec2ProviderOnMotoTest(MotoServer moto) {
        this.moto = moto;
    }

    @Override
    Ec2Client connect() {
        return MotoEc2.client(moto);
    }

    @Test
    void refreshAllAsksForTheStatusChecksOfAllRunningNodesInOneCall() {
        CallCounter counter = new CallCounter();
        try (Ec2Client counted = MotoEc2.client(moto, counter)) {
            Ec2Provider provider = MotoEc2.provider(counted, 1000);
            List<Resource> nodes = IntStream.rangeClosed(1, 5)
                    .mapToObj(i -> provider.launch(MotoEc2.request("production", 1, "web-" + i))).toList();
            counter.forget();

            List<Resource> refreshed = provider.refreshAll(nodes);

            assertThat(counter.calls()).containsExactly("DescribeInstances", "DescribeInstanceStatus");
            assertThat(refreshed).allSatisfy(resource -> {
                assertThat(resource.state()).isEqualTo(ResourceState.RUNNING);
                assertThat(resource.attributes()).containsEntry("status_checks", "ok");
            });
        }
    }

    @Test
    void refreshAllOfMoreNodesThanOneStatusCallNamesStillListsTheStatusChecksOnce() {
        CallCounter counter = new CallCounter();
        try (Ec2Client counted = MotoEc2.client(moto, counter)) {
            List<Resource> nodes = counted.runInstances(r -> r.imageId("ami-12c6146b").instanceType("t3.micro")
                            .minCount(StatusChecks.IDS_PER_CALL + 50).maxCount(StatusChecks.IDS_PER_CALL + 50))
                    .instances().stream()
                    .map(i -> new Resource(i.instanceId(), "ec2", null, ResourceState.UNKNOWN, Map.of(), Map.of())).toList();
            Ec2Provider provider = MotoEc2.provider(counted, 1000);
            counter.forget();

            List<Resource> refreshed = provider.refreshAll(nodes);

            assertThat(counter.calls()).containsExactly("DescribeInstances", "DescribeInstanceStatus");
            assertThat(refreshed).hasSize(150).allSatisfy(resource -> assertThat(resource.attributes()).containsEntry("status_checks", "ok"));
        }
    }

    /**
     * EC2 refuses a filter of more than 200 values: more nodes than that are found in one listing
     * of the region's instances, never in an {@code instance-id} filter naming them all.
     */
    @Test
    void refreshAllOfMoreNodesThanOneFilterHoldsListsTheRegionsInstances() {
        CallCounter counter = new CallCounter();
        List<Integer> filterValues = Collections.synchronizedList(new ArrayList<>());
        try (Ec2Client counted = MotoEc2.client(moto, counter, filterValuesOf(filterValues))) {
            int count = LaunchPoller.IDS_PER_CALL + 50;
            List<Resource> nodes = counted.runInstances(r -> r.imageId("ami-12c6146b").instanceType("t3.micro")
                            .minCount(count).maxCount(count))
                    .instances().stream()
                    .map(i -> new Resource(i.instanceId(), "ec2", null, ResourceState.UNKNOWN, Map.of(), Map.of())).toList();
            counted.runInstances(r -> r.imageId("ami-12c6146b").instanceType("t3.micro").minCount(3).maxCount(3));
            Ec2Provider provider = MotoEc2.provider(counted, 1000);
            counter.forget();
            filterValues.clear();

            List<Resource> refreshed = provider.refreshAll(nodes);

            assertThat(counter.calls()).containsExactly("DescribeInstances", "DescribeInstanceStatus");
            assertThat(filterValues).allSatisfy(values -> assertThat(values).isLessThanOrEqualTo(LaunchPoller.IDS_PER_CALL));
            assertThat(refreshed).extracting(Resource::id).containsExactlyElementsOf(nodes.stream().map(Resource::id).toList());
            assertThat(refreshed).allSatisfy(resource -> assertThat(resource.state()).isEqualTo(ResourceState.RUNNING));
        }
    }

    /** Records the most values any one filter of each DescribeInstances request carries. */
    private static ExecutionInterceptor filterValuesOf(List<Integer> values) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof DescribeInstancesRequest describe) {
                    values.add(describe.filters().stream().mapToInt(f -> f.values().size()).max().orElse(0));
                }
            }
        };
    }

    /**
     * The call budget of {@code up}: one RunInstances per node, then poll rounds shared by every
     * launch waiting (one DescribeInstances and at most one DescribeInstanceStatus each), so the
     * describe calls follow the rounds, not the nodes. The launches meet after their RunInstances,
     * as a run's parallel launches do, so that they all wait at once.
     */
    @Test
    void parallelLaunchesMakeOneRunInstancesEachAndShareTheirPollRounds() throws Exception {
        int nodes = 20;
        CallCounter counter = new CallCounter();
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try (Ec2Client counted = MotoEc2.client(moto, counter, meetAfter("RunInstances", new CyclicBarrier(nodes)))) {
            Ec2Instances instances = new Ec2Instances(counted, Duration.ofSeconds(1), 1000);
            Ec2Provider provider = new Ec2Provider(() -> instances);
            List<Future<Resource>> launches = new ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                String node = "web-" + i;
                launches.add(threads.submit(() -> provider.launch(MotoEc2.request("production", 1, node))));
            }
            List<Resource> launched = new ArrayList<>();
            for (Future<Resource> launch : launches) {
                launched.add(launch.get(120, TimeUnit.SECONDS));
            }

            assertThat(launched).allSatisfy(resource -> assertThat(resource.state()).isEqualTo(ResourceState.RUNNING))
                    .extracting(Resource::id).doesNotHaveDuplicates();
            assertThat(provider.discover(MotoEc2.APP, "production")).hasSize(nodes);
            Map<String, Long> calls = counter.calls().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            int rounds = instances.pollRounds();
            assertThat(calls.get("RunInstances")).isEqualTo(nodes);
            assertThat(calls.get("DescribeInstances")).isEqualTo(rounds + 1L); // + the discover above
            assertThat(calls.get("DescribeInstanceStatus")).isLessThanOrEqualTo(rounds);
            // all 20 wait at once: moto's instances, running at once, are all answered by the first round or so
            assertThat(rounds).isLessThanOrEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Holds each thread after its {@code operation} until all parties made theirs. */
    private static ExecutionInterceptor meetAfter(String operation, CyclicBarrier barrier) {
        return new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                    try {
                        barrier.await(120, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other launches never made their " + operation, e);
                    }
                }
            }
        };
    }
}
