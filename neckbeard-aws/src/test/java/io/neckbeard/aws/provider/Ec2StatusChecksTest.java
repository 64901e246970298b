package io.neckbeard.aws.provider;

import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusDetails;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StatusName;
import software.amazon.awssdk.services.ec2.model.StatusType;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * What moto cannot produce (its instances pass their status checks at once, and never end
 * terminated by themselves): a stubbed {@link Ec2Client} whose SDK defaults (the paginators, the
 * builder-taking overloads) are the real ones, answering the requests neckbeard sends.
 */
class Ec2StatusChecksTest {
    private static final Instant SINCE = Instant.parse("2026-12-02T01:00:00Z");

    private final Ec2Client ec2 = mock(Ec2Client.class, CALLS_REAL_METHODS);

    @Test
    void aLaunchWaitsWhileTheStatusChecksInitializeAndSucceedsWhenBothPass() {
        launches("i-0new", instances(), instances(instance("i-0new", InstanceStateName.RUNNING, null)));
        doReturn(statuses(status("i-0new", SummaryStatus.INITIALIZING, SummaryStatus.INITIALIZING)),
                statuses(status("i-0new", SummaryStatus.OK, SummaryStatus.INITIALIZING)),
                statuses(status("i-0new", SummaryStatus.OK, SummaryStatus.INITIALIZING)),
                statuses(status("i-0new", SummaryStatus.OK, SummaryStatus.OK)))
                .when(ec2).describeInstanceStatus(any(DescribeInstanceStatusRequest.class));

        Resource node = MotoEc2.provider(ec2, 1000).launch(MotoEc2.request("production", 1, "web-1"));

        assertThat(node.state()).isEqualTo(ResourceState.RUNNING);
        verify(ec2, times(4)).describeInstanceStatus(any(DescribeInstanceStatusRequest.class));
    }

    @Test
    void anImpairedInstanceFailsTheNodeWithWhatEc2Says() {
        launches("i-0sick", instances(), instances(instance("i-0sick", InstanceStateName.RUNNING, null)));
        doReturn(statuses(status("i-0sick", SummaryStatus.OK, SummaryStatus.IMPAIRED)))
                .when(ec2).describeInstanceStatus(any(DescribeInstanceStatusRequest.class));

        assertThatThrownBy(() -> MotoEc2.provider(ec2, 1000).launch(MotoEc2.request("production", 1, "web-1")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("node web-1: instance i-0sick failed its status checks: system check ok, "
                        + "instance check impaired (reachability failed since " + SINCE + ")");
    }

    @Test
    void anInstanceThatEndsTerminatedWhileItsChecksRunFailsTheNodeWithEc2sReason() {
        launches("i-0gone", instances(), instances(instance("i-0gone", InstanceStateName.RUNNING, null)),
                instances(instance("i-0gone", InstanceStateName.TERMINATED, "Server.InsufficientInstanceCapacity: no capacity")));
        doReturn(statuses(status("i-0gone", SummaryStatus.INITIALIZING, SummaryStatus.INITIALIZING)),
                statuses(InstanceStatus.builder().instanceId("i-0gone").instanceState(s -> s.name(InstanceStateName.SHUTTING_DOWN)).build()))
                .when(ec2).describeInstanceStatus(any(DescribeInstanceStatusRequest.class));

        assertThatThrownBy(() -> MotoEc2.provider(ec2, 1000).launch(MotoEc2.request("production", 1, "web-1")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("node web-1: instance i-0gone ended terminated instead of running: "
                        + "Server.InsufficientInstanceCapacity: no capacity");
    }

    @Test
    void refreshAllCallsARunningButImpairedNodeUnreachableAndAsksOnlyForRunningOnes() {
        doReturn(instances(instance("i-0ok", InstanceStateName.RUNNING, null), instance("i-0sick", InstanceStateName.RUNNING, null),
                instance("i-0off", InstanceStateName.STOPPED, null)))
                .when(ec2).describeInstances(any(DescribeInstancesRequest.class));
        doReturn(statuses(status("i-0ok", SummaryStatus.OK, SummaryStatus.OK), status("i-0sick", SummaryStatus.IMPAIRED, SummaryStatus.OK)))
                .when(ec2).describeInstanceStatus(any(DescribeInstanceStatusRequest.class));

        List<Resource> refreshed = MotoEc2.provider(ec2, 1000).refreshAll(List.of(recorded("i-0ok"), recorded("i-0sick"), recorded("i-0off")));

        assertThat(refreshed).extracting(Resource::state)
                .containsExactly(ResourceState.RUNNING, ResourceState.UNREACHABLE, ResourceState.STOPPED);
        assertThat(refreshed.get(1).attributes()).containsEntry("status_checks",
                "impaired (system check impaired (reachability failed since " + SINCE + "), instance check ok)");
        verify(ec2).describeInstanceStatus(DescribeInstanceStatusRequest.builder().instanceIds("i-0ok", "i-0sick")
                .includeAllInstances(true).build());
    }

    /** RunInstances answers {@code id}; DescribeInstances answers {@code answers} in turn (the last one from then on). */
    private void launches(String id, DescribeInstancesResponse... answers) {
        doReturn(RunInstancesResponse.builder().instances(instance(id, InstanceStateName.PENDING, null)).build())
                .when(ec2).runInstances(any(RunInstancesRequest.class));
        doReturn(answers[0], Arrays.copyOfRange(answers, 1, answers.length, Object[].class))
                .when(ec2).describeInstances(any(DescribeInstancesRequest.class));
    }

    private static DescribeInstancesResponse instances(Instance... instances) {
        return DescribeInstancesResponse.builder().reservations(r -> r.instances(instances)).build();
    }

    private static Instance instance(String id, InstanceStateName state, String reason) {
        Instance.Builder instance = Instance.builder().instanceId(id).state(s -> s.name(state));
        return (reason == null ? instance : instance.stateReason(r -> r.code("Server.InternalError").message(reason))).build();
    }

    private static DescribeInstanceStatusResponse statuses(InstanceStatus... statuses) {
        return DescribeInstanceStatusResponse.builder().instanceStatuses(statuses).build();
    }

    private static InstanceStatus status(String id, SummaryStatus system, SummaryStatus instance) {
        return InstanceStatus.builder().instanceId(id).instanceState(s -> s.name(InstanceStateName.RUNNING))
                .systemStatus(s -> s.status(system).details(detail(system)))
                .instanceStatus(s -> s.status(instance).details(detail(instance))).build();
    }

    private static InstanceStatusDetails detail(SummaryStatus summary) {
        InstanceStatusDetails.Builder detail = InstanceStatusDetails.builder().name(StatusName.REACHABILITY);
        return switch (summary) {
            case OK -> detail.status(StatusType.PASSED).build();
            case IMPAIRED -> detail.status(StatusType.FAILED).impairedSince(SINCE).build();
            default -> detail.status(StatusType.INITIALIZING).build();
        };
    }

    private static Resource recorded(String id) {
        return new Resource(id, "ec2", null, ResourceState.UNKNOWN, Map.of(), Map.of());
    }
}
