package io.neckbeard.aws.loadbalancer;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.Project;
import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import io.neckbeard.testing.moto.SdkOnMoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The elbv2 balancer against ELBv2 on moto: a VPC, a load balancer and target groups made in the
 * test, EC2 instances launched there. moto reports a registered target healthy at once and a
 * deregistered one unused (the slow, failing and draining states are ELB stubs: Elbv2StatesTest).
 */
@ExtendWith(MotoExtension.class)
class Elbv2OnMotoTest {
    private final CallCounter counter = new CallCounter();
    private MotoElbv2 aws;

    @BeforeEach
    void network(MotoServer moto) {
        aws = new MotoElbv2(moto, counter);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private Elbv2LoadBalancer balancer(String targetGroup, Integer drainSeconds) {
        return new Elbv2LoadBalancer(() -> new TargetGroup(aws.elb, "web", new Elbv2Settings(targetGroup, drainSeconds),
                Duration.ofMillis(10)));
    }

    @Test
    void registersAndDeregistersABatchOfInstancesInOneCallEach() {
        String arn = aws.targetGroup("shop-production", TargetTypeEnum.INSTANCE);
        List<Target> nodes = aws.launch(3);
        Elbv2LoadBalancer balancer = balancer(arn, null);

        balancer.register(nodes);

        assertThat(aws.registered(arn)).containsExactlyElementsOf(nodes.stream().map(Target::resourceId).sorted().toList());
        assertThat(counter.calls("RegisterTargets")).isEqualTo(1);

        balancer.deregister(nodes.subList(0, 2));

        assertThat(aws.registered(arn)).containsExactly(nodes.get(2).resourceId());
        assertThat(counter.calls("DeregisterTargets")).isEqualTo(1);
        // the drain time is the group's deregistration delay, read once; moto reports the targets unused at once
        assertThat(counter.calls("DescribeTargetGroupAttributes")).isEqualTo(1);
        assertThat(counter.calls("DescribeTargetHealth")).isEqualTo(1);
    }

    @Test
    void eachHealthPollIsOneCallForAllTargets() {
        String arn = aws.targetGroup("shop-production", TargetTypeEnum.INSTANCE);
        List<Target> nodes = aws.launch(3);
        Elbv2LoadBalancer balancer = balancer(arn, 0);
        balancer.register(nodes.subList(0, 2));
        counter.reset();

        Map<String, TargetHealth> first = balancer.health(nodes);
        Map<String, TargetHealth> second = balancer.health(nodes);

        assertThat(first).isEqualTo(Map.of("web-1", TargetHealth.HEALTHY, "web-2", TargetHealth.HEALTHY, "web-3", TargetHealth.UNUSED));
        assertThat(second).isEqualTo(first);
        assertThat(counter.calls("DescribeTargetHealth")).isEqualTo(2);
    }

    @Test
    void aTargetGroupNamedByItsNameIsLookedUpOnce() {
        String arn = aws.targetGroup("shop-staging", TargetTypeEnum.INSTANCE);
        List<Target> nodes = aws.launch(2);
        Elbv2LoadBalancer balancer = balancer("shop-staging", 0);

        balancer.register(nodes);
        balancer.health(nodes);
        balancer.deregister(nodes.subList(0, 1));

        assertThat(aws.registered(arn)).containsExactly(nodes.get(1).resourceId());
        assertThat(counter.calls("DescribeTargetGroups")).isEqualTo(1);
    }

    @Test
    void anIpTargetGroupGetsEachNodesAddressAndPort() {
        String arn = aws.targetGroup("shop-ip", TargetTypeEnum.IP);
        List<Target> nodes = List.of(new Target("web-1", "host-1", "10.0.1.7", 8080), new Target("web-2", "host-2", "10.0.1.8", 8080));
        Elbv2LoadBalancer balancer = balancer(arn, 0);

        balancer.register(nodes);

        assertThat(aws.registered(arn)).containsExactly("10.0.1.7", "10.0.1.8");
        assertThat(balancer.health(nodes)).isEqualTo(Map.of("web-1", TargetHealth.HEALTHY, "web-2", TargetHealth.HEALTHY));
    }

    @Test
    void aTargetGroupThatDoesNotExistFailsNamingIt() {
        aws.targetGroup("shop-production", TargetTypeEnum.INSTANCE);
        Elbv2LoadBalancer balancer = balancer("shop-prodution", 0);

        assertThatThrownBy(() -> balancer.register(aws.launch(1))).isInstanceOfSatisfying(NeckbeardException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(e.getMessage()).isEqualTo("load balancer web: target group shop-prodution does not exist in this account and region");
            assertThat(e.remedy()).contains("load_balancers.web.target_group");
        });
    }

    /**
     * Through the configuration, the factory and the SDK's default chains (sent to moto), as a
     * deploy's DeployContext creates an environment's balancer.
     */
    @Test
    void eachEnvironmentRegistersItsNodesInItsOwnTargetGroup(MotoServer moto, @TempDir Path dir) throws Exception {
        String production = aws.targetGroup("shop-production", TargetTypeEnum.INSTANCE);
        String staging = aws.targetGroup("shop-staging", TargetTypeEnum.INSTANCE);
        List<Target> nodes = aws.launch(2);
        Path root = Fixtures.copy("elbv2-per-env", dir.resolve("project"));
        Plugins plugins = StandInPlugins.plugins(dir);
        Project project = new ConfigLoader(plugins).load(root, List.of());
        SdkOnMoto.use(moto);
        try {
            for (String environment : List.of("production", "staging")) {
                LoadBalancerSpec spec = project.loadBalancers(environment).get("web");
                LoadBalancer balancer = plugins.find(LoadBalancerFactory.class, spec.type(), "load balancer")
                        .create(new LoadBalancerContext(root, project.app(), spec, project.region()));
                balancer.register(nodes.subList(environment.equals("production") ? 0 : 1, environment.equals("production") ? 1 : 2));
            }
        } finally {
            SdkOnMoto.clear();
        }

        assertThat(aws.registered(production)).containsExactly(nodes.get(0).resourceId());
        assertThat(aws.registered(staging)).containsExactly(nodes.get(1).resourceId());
    }
}
