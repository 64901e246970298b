package io.neckbeard.aws.loadbalancer;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.loadbalancer.LoadBalancerException;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

/**
 * What ELB does and moto does not: targets that stay {@code initial} for a while, fail their
 * health check, drain for several polls, and calls that are throttled or denied. A Mockito stub of
 * the ELBv2 client stands in for ELB (its consumer-style methods run for real and reach the stubbed ones).
 */
class Elbv2StatesTest {
    private static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-production/0123456789abcdef";
    private static final List<Target> NODES = List.of(new Target("web-1", "i-0001", "10.0.1.5", 0),
            new Target("web-2", "i-0002", "10.0.1.6", 0));

    private final ElasticLoadBalancingV2Client elb = mock(ElasticLoadBalancingV2Client.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));

    @BeforeEach
    void anInstanceTargetGroup() {
        doReturn(DescribeTargetGroupsResponse.builder().targetGroups(g -> g.targetGroupArn(ARN).targetGroupName("shop-production")
                .targetType(TargetTypeEnum.INSTANCE)).build()).when(elb).describeTargetGroups(any(DescribeTargetGroupsRequest.class));
        doReturn(DeregisterTargetsResponse.builder().build()).when(elb).deregisterTargets(any(DeregisterTargetsRequest.class));
    }

    private Elbv2LoadBalancer balancer(Integer drainSeconds) {
        return new Elbv2LoadBalancer(() -> new TargetGroup(elb, "web", new Elbv2Settings(ARN, drainSeconds), Duration.ofMillis(1)));
    }

    @Test
    void targetsStillInitialAreNotServingUntilELBReportsThemHealthy() {
        doReturn(health(TargetHealthStateEnum.INITIAL, TargetHealthStateEnum.INITIAL),
                health(TargetHealthStateEnum.HEALTHY, TargetHealthStateEnum.INITIAL),
                health(TargetHealthStateEnum.HEALTHY, TargetHealthStateEnum.HEALTHY))
                .when(elb).describeTargetHealth(any(DescribeTargetHealthRequest.class));
        Elbv2LoadBalancer balancer = balancer(0);

        List<Map<String, TargetHealth>> polls = List.of(balancer.health(NODES), balancer.health(NODES), balancer.health(NODES));

        assertThat(polls).containsExactly(Map.of("web-1", TargetHealth.INITIAL, "web-2", TargetHealth.INITIAL),
                Map.of("web-1", TargetHealth.HEALTHY, "web-2", TargetHealth.INITIAL),
                Map.of("web-1", TargetHealth.HEALTHY, "web-2", TargetHealth.HEALTHY));
        ArgumentCaptor<DescribeTargetHealthRequest> asked = ArgumentCaptor.forClass(DescribeTargetHealthRequest.class);
        verify(elb, times(3)).describeTargetHealth(asked.capture());
        assertThat(asked.getAllValues()).allSatisfy(request -> assertThat(request.targets()).extracting(TargetDescription::id)
                .containsExactly("i-0001", "i-0002"));
    }

    @Test
    void anUnhealthyTargetFailsWithTheReasonELBGives() {
        doReturn(DescribeTargetHealthResponse.builder().targetHealthDescriptions(
                description("i-0001", TargetHealthStateEnum.HEALTHY),
                description("i-0002", TargetHealthStateEnum.UNHEALTHY).toBuilder().targetHealth(h -> h.state(TargetHealthStateEnum.UNHEALTHY)
                        .reason("Target.ResponseCodeMismatch").description("Health checks failed with these codes: [502]")).build()).build())
                .when(elb).describeTargetHealth(any(DescribeTargetHealthRequest.class));

        assertThatThrownBy(() -> balancer(0).health(NODES)).isInstanceOfSatisfying(LoadBalancerException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(e.getMessage()).isEqualTo("load balancer web: target group shop-production reports "
                    + "web-2 (Target.ResponseCodeMismatch: Health checks failed with these codes: [502]) unhealthy");
        });
    }

    @Test
    void aDeregistrationWaitsUntilNoTargetIsDrainingAnyMore() {
        doReturn(health(TargetHealthStateEnum.DRAINING, TargetHealthStateEnum.DRAINING),
                health(TargetHealthStateEnum.UNUSED, TargetHealthStateEnum.DRAINING),
                health(TargetHealthStateEnum.UNUSED, TargetHealthStateEnum.DRAINING),
                health(TargetHealthStateEnum.UNUSED, TargetHealthStateEnum.UNUSED))
                .when(elb).describeTargetHealth(any(DescribeTargetHealthRequest.class));

        balancer(300).deregister(NODES);

        verify(elb, times(1)).deregisterTargets(any(DeregisterTargetsRequest.class));
        verify(elb, times(4)).describeTargetHealth(any(DescribeTargetHealthRequest.class));
    }

    @Test
    void aDrainLongerThanDrainSecondsIsNotWaitedOutBeyondThem() {
        doReturn(health(TargetHealthStateEnum.DRAINING, TargetHealthStateEnum.DRAINING))
                .when(elb).describeTargetHealth(any(DescribeTargetHealthRequest.class));

        balancer(1).deregister(NODES);

        verify(elb, times(1)).deregisterTargets(any(DeregisterTargetsRequest.class));
    }

    @Test
    void aThrottledPollIsLookedAtAgainAtTheNextOne() {
        doThrow(throttled()).doReturn(health(TargetHealthStateEnum.UNUSED, TargetHealthStateEnum.UNUSED))
                .when(elb).describeTargetHealth(any(DescribeTargetHealthRequest.class));

        balancer(300).deregister(NODES);

        verify(elb, times(2)).describeTargetHealth(any(DescribeTargetHealthRequest.class));
    }

    @Test
    void aThrottledHealthPollReadsAsNotServingYet() {
        doThrow(throttled()).when(elb).describeTargetHealth(any(DescribeTargetHealthRequest.class));

        assertThat(balancer(0).health(NODES)).isEqualTo(Map.of("web-1", TargetHealth.INITIAL, "web-2", TargetHealth.INITIAL));
    }

    @Test
    void aRegistrationStillThrottledAfterTheSdksRetriesFailsNamingTheCode() {
        doThrow(throttled()).when(elb).registerTargets(any(RegisterTargetsRequest.class));

        assertThatThrownBy(() -> balancer(0).register(NODES)).isInstanceOfSatisfying(NeckbeardException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(e.getMessage()).startsWith("cannot register web-1, web-2 in target group shop-production (load balancer web): "
                    + "AWS answered Throttling");
        });
    }

    @Test
    void aDeniedCallFailsNamingTheAwsCodeAndThePermissions() {
        doThrow(ElasticLoadBalancingV2Exception.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDenied").errorMessage("not authorized to perform: elasticloadbalancing:DeregisterTargets").build()).build())
                .when(elb).deregisterTargets(any(DeregisterTargetsRequest.class));

        assertThatThrownBy(() -> balancer(0).deregister(NODES)).isInstanceOfSatisfying(NeckbeardException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(e.getMessage()).contains("AWS denied the call (AccessDenied)").contains("DeregisterTargets");
            assertThat(e.remedy()).contains("docs/aws.md");
        });
    }

    private static DescribeTargetHealthResponse health(TargetHealthStateEnum first, TargetHealthStateEnum second) {
        return DescribeTargetHealthResponse.builder().targetHealthDescriptions(description("i-0001", first), description("i-0002", second)).build();
    }

    private static TargetHealthDescription description(String id, TargetHealthStateEnum state) {
        return TargetHealthDescription.builder().target(t -> t.id(id).port(80)).targetHealth(h -> h.state(state)).build();
    }

    private static ElasticLoadBalancingV2Exception throttled() {
        return (ElasticLoadBalancingV2Exception) ElasticLoadBalancingV2Exception.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling").errorMessage("Rate exceeded").build()).build();
    }
}
