package io.neckbeard.aws.provider;

import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * Launches waiting in the shared poll rounds, for what moto cannot do (its instances run at once):
 * a stubbed {@link Ec2Client} (the SDK's own paginators and overloads are real) whose RunInstances
 * answers {@code i-<node>} and whose describe calls answer, for each instance named in the
 * request, the next state of that instance's script.
 */
class Ec2LaunchWaitingTest {
    private final Ec2Client ec2 = mock(Ec2Client.class, CALLS_REAL_METHODS);
    /** By instance id, the states its successive looks show (the last one from then on). */
    private final Map<String, List<InstanceStateName>> states = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> looks = new ConcurrentHashMap<>();
    /** By instance id, the status checks its successive looks show once it runs (ok without a script). */
    private final Map<String, List<SummaryStatus>> checks = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> checkLooks = new ConcurrentHashMap<>();
    /** The instance ids each DescribeInstances named. */
    private final List<List<String>> described = new CopyOnWriteArrayList<>();
    private final List<String> launched = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstLookAtWeb1 = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    Ec2LaunchWaitingTest() {
        doAnswer(call -> {
            RunInstancesRequest request = call.getArgument(0);
            String node = request.tagSpecifications().get(0).tags().stream().filter(t -> t.key().equals("neckbeard:node"))
                    .map(Tag::value).findFirst().orElseThrow();
            launched.add("i-" + node);
            return RunInstancesResponse.builder().instances(instance("i-" + node, InstanceStateName.PENDING)).build();
        }).when(ec2).runInstances(any(RunInstancesRequest.class));
        doAnswer(call -> {
            List<String> ids = ((DescribeInstancesRequest) call.getArgument(0)).filters().stream()
                    .filter(f -> f.name().equals("instance-id")).findFirst().map(Filter::values).orElseThrow();
            described.add(ids);
            if (ids.contains("i-web-1")) {
                firstLookAtWeb1.countDown();
            }
            List<Instance> found = ids.stream().map(id -> instance(id, next(states, looks, id, InstanceStateName.RUNNING))).toList();
            return DescribeInstancesResponse.builder().reservations(r -> r.instances(found)).build();
        }).when(ec2).describeInstances(any(DescribeInstancesRequest.class));
        doAnswer(call -> {
            List<String> ids = ((DescribeInstanceStatusRequest) call.getArgument(0)).instanceIds();
            // no ids: the listing of the region's running instances, asked for more than 100 at once
            List<InstanceStatus> found = (ids.isEmpty() ? launched : ids).stream()
                    .map(id -> status(id, next(checks, checkLooks, id, SummaryStatus.OK))).toList();
            return DescribeInstanceStatusResponse.builder().instanceStatuses(found).build();
        }).when(ec2).describeInstanceStatus(any(DescribeInstanceStatusRequest.class));
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void instancesThatBootSlowlyWaitTogetherAndEachRunsWhenItsChecksPass() throws Exception {
        states.put("i-web-1", List.of(InstanceStateName.PENDING, InstanceStateName.PENDING, InstanceStateName.RUNNING));
        states.put("i-web-2", List.of(InstanceStateName.PENDING, InstanceStateName.RUNNING));
        checks.put("i-web-2", List.of(SummaryStatus.INITIALIZING, SummaryStatus.INITIALIZING, SummaryStatus.OK));
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);

        List<Future<Resource>> launches = launch(provider, "web-1", "web-2", "web-3");

        for (Future<Resource> launch : launches) {
            assertThat(launch.get(30, TimeUnit.SECONDS).state()).isEqualTo(ResourceState.RUNNING);
        }
        assertThat(looks.get("i-web-1")).hasValueGreaterThanOrEqualTo(3);
        assertThat(checkLooks.get("i-web-2")).hasValueGreaterThanOrEqualTo(3);
        // a round names every launch still waiting: never one call per node and round
        assertThat(described.stream().mapToInt(List::size).sum()).isGreaterThan(described.size());
    }

    @Test
    void aNodeWhoseInstanceNeverRunsFailsAtItsTimeoutWhileTheOthersRun() throws Exception {
        states.put("i-web-2", List.of(InstanceStateName.PENDING));
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);

        List<Future<Resource>> launches = new ArrayList<>(launch(provider, "web-1", "web-3"));
        Future<Resource> stuck = threads.submit(() -> provider.launch(MotoEc2.request("production", 1, "web-2",
                MotoEc2.params(Map.of("launch_timeout", "1s")))));

        assertThatThrownBy(() -> stuck.get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ProviderException.class)
                .hasMessage("node web-2: instance i-web-2 is still pending after PT1S");
        for (Future<Resource> launch : launches) {
            assertThat(launch.get(30, TimeUnit.SECONDS).state()).isEqualTo(ResourceState.RUNNING);
        }
    }

    @Test
    void anInstanceThatEndsTerminatedFailsOnlyItsNodeWithEc2sReason() throws Exception {
        states.put("i-web-2", List.of(InstanceStateName.PENDING, InstanceStateName.TERMINATED));
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);

        List<Future<Resource>> launches = launch(provider, "web-1", "web-2", "web-3");

        assertThatThrownBy(() -> launches.get(1).get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ProviderException.class)
                .hasMessage("node web-2: instance i-web-2 ended terminated instead of running: "
                        + "Server.InsufficientInstanceCapacity: no capacity");
        assertThat(launches.get(0).get(30, TimeUnit.SECONDS).id()).isEqualTo("i-web-1");
        assertThat(launches.get(2).get(30, TimeUnit.SECONDS).id()).isEqualTo("i-web-3");
    }

    @Test
    void anInstanceEc2AnswersTheClientTokenWithThatIsStoppedFailsTheLaunchSayingHowToGoOn() {
        states.put("i-web-1", List.of(InstanceStateName.STOPPED));

        assertThatThrownBy(() -> MotoEc2.provider(ec2, 1000).launch(MotoEc2.request("production", 1, "web-1")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("node web-1: its instance i-web-1 is stopped")
                .satisfies(e -> assertThat(((ProviderException) e).remedy()).contains("start-instances --instance-ids i-web-1"));
    }

    @Test
    void anInterruptedLaunchLeavesTheWaitAndTheOthersGoOnPolling() throws Exception {
        states.put("i-web-1", List.of(InstanceStateName.PENDING));
        states.put("i-web-2", List.of(InstanceStateName.PENDING, InstanceStateName.PENDING, InstanceStateName.PENDING,
                InstanceStateName.PENDING, InstanceStateName.PENDING, InstanceStateName.PENDING, InstanceStateName.RUNNING));
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);
        List<Throwable> failed = new CopyOnWriteArrayList<>();
        Thread interrupted = new Thread(() -> {
            try {
                provider.launch(MotoEc2.request("production", 1, "web-1"));
            } catch (RuntimeException e) {
                failed.add(e);
            }
        });
        interrupted.start();
        Future<Resource> other = threads.submit(() -> provider.launch(MotoEc2.request("production", 1, "web-2")));
        assertThat(firstLookAtWeb1.await(30, TimeUnit.SECONDS)).isTrue();

        interrupted.interrupt();
        interrupted.join(30_000);

        assertThat(interrupted.isAlive()).isFalse();
        assertThat(failed).singleElement().isInstanceOf(ProviderException.class)
                .extracting(Throwable::getMessage).isEqualTo("node web-1: interrupted while waiting for instance i-web-1");
        assertThat(other.get(30, TimeUnit.SECONDS).id()).isEqualTo("i-web-2");
        assertThat(described.get(described.size() - 1)).containsExactly("i-web-2");
    }

    @Test
    void moreLaunchesThanOneDescribeMayNameAreAskedForInChunks() throws Exception {
        int nodes = LaunchPoller.IDS_PER_CALL + 5;
        states.put("i-web-1", List.of(InstanceStateName.PENDING, InstanceStateName.PENDING, InstanceStateName.RUNNING));
        Ec2Provider provider = MotoEc2.provider(ec2, 1000);

        List<Future<Resource>> launches = launch(provider, IntStream.rangeClosed(1, nodes)
                .mapToObj(i -> "web-" + i).toArray(String[]::new));

        for (Future<Resource> launch : launches) {
            assertThat(launch.get(60, TimeUnit.SECONDS).state()).isEqualTo(ResourceState.RUNNING);
        }
        assertThat(described).allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(LaunchPoller.IDS_PER_CALL));
        assertThat(described.stream().mapToInt(List::size).max().orElseThrow()).isGreaterThan(1);
    }

    private List<Future<Resource>> launch(Ec2Provider provider, String... nodes) {
        List<Future<Resource>> launches = new ArrayList<>();
        for (String node : nodes) {
            launches.add(threads.submit(() -> provider.launch(MotoEc2.request("production", 1, node))));
        }
        return launches;
    }

    private static <T> T next(Map<String, List<T>> scripts, Map<String, AtomicInteger> counts, String id, T otherwise) {
        List<T> script = scripts.get(id);
        int look = counts.computeIfAbsent(id, i -> new AtomicInteger()).getAndIncrement();
        return script == null ? otherwise : script.get(Math.min(look, script.size() - 1));
    }

    private static Instance instance(String id, InstanceStateName state) {
        Instance.Builder instance = Instance.builder().instanceId(id).state(s -> s.name(state));
        return (state == InstanceStateName.TERMINATED
                ? instance.stateReason(r -> r.code("Server.InsufficientInstanceCapacity").message("Server.InsufficientInstanceCapacity: no capacity"))
                : instance).build();
    }

    private static InstanceStatus status(String id, SummaryStatus checks) {
        return InstanceStatus.builder().instanceId(id).instanceState(s -> s.name(InstanceStateName.RUNNING))
                .systemStatus(s -> s.status(checks)).instanceStatus(s -> s.status(checks)).build();
    }
}
