package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import io.neckbeard.testing.moto.SdkOnMoto;
import io.neckbeard.transport.ssh.MinaSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code up}, {@code up --pending} and {@code promote} of ec2 nodes (on moto) behind an elbv2
 * target group (on moto), the Stack deployed over SSH. moto's instance addresses are never
 * dialled: {@code ec2.address_override} maps every node to an in-process SSH server on
 * loopback, and the health check runs over that SSH connection. One node per generation: both
 * generations' nodes share that one host and its Stack root. What is asserted is which
 * instances the target group holds after each step.
 */
@ExtendWith(MotoExtension.class)
class Elbv2OnMotoLifecycleTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    private MinaSshServer server;
    private ElasticLoadBalancingV2Client elb;
    private String targetGroup;

    @BeforeEach
    void configure(MotoServer moto) throws Exception {
        server = new MinaSshServer();
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(MotoServer.requireLoopback(moto.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        targetGroup = targetGroupBehindALoadBalancer(moto);
        writeProject(project.root());
        SdkOnMoto.use(moto);
    }

    @AfterEach
    void stop() throws Exception {
        SdkOnMoto.clear();
        elb.close();
        server.close();
    }

    /** A target group forwarded to by an application load balancer in moto's default VPC; its ARN. */
    private String targetGroupBehindALoadBalancer(MotoServer moto) {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(MotoServer.requireLoopback(moto.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            String vpc = ec2.describeVpcs(d -> d.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
            List<String> subnets = ec2.describeSubnets(d -> d.filters(f -> f.name("vpc-id").values(vpc))).subnets().stream()
                    .map(s -> s.subnetId()).limit(2).toList();
            String balancer = elb.createLoadBalancer(l -> l.name("elbtest").subnets(subnets)).loadBalancers().get(0).loadBalancerArn();
            String group = elb.createTargetGroup(g -> g.name("elbtest-dev").protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc)
                    .targetType(TargetTypeEnum.INSTANCE)).targetGroups().get(0).targetGroupArn();
            elb.createListener(l -> l.loadBalancerArn(balancer).protocol(ProtocolEnum.HTTP).port(80)
                    .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(group)));
            return group;
        }
    }

    private void writeProject(Path root) throws Exception {
        Path keys = Files.createDirectories(root.resolve("keys"));
        Path identity = server.writeIdentity(keys.resolve("id_ed25519"));
        Path knownHosts = server.writeKnownHosts(keys.resolve("known_hosts"));
        Files.writeString(root.resolve("Procfile"), "worker: exec sleep 600\n");
        Files.writeString(root.resolve("neckbeard/config.yml"), """
                app: elbtest
                region: us-east-1
                packager: {type: tarball, include: [Procfile]}
                coordinator: {type: local-yaml, path: .neckbeard/state}
                stack: {root: %s, keep_releases: 2, process_manager: direct}
                node_types:
                  web:
                    resource: ec2
                    load_balancer: web
                    health_check: {type: command, command: "true", interval: 200ms, timeout: 20s}
                    params:
                      ec2: {image_id: ami-12c6146b, instance_type: t3.micro, address_override: 127.0.0.1}
                      ssh: {port: %d, identity_file: %s, known_hosts: %s}
                availability_zones:
                  us-east-1a: {}
                load_balancers:
                  web: {type: elbv2, drain_seconds: 0}
                environments:
                  base:
                    availability_zones: [us-east-1a]
                    nodes: {web: {count: 1}}
                """.formatted(root.resolve("remote/srv"), server.port(), identity, knownHosts));
        Files.writeString(root.resolve("neckbeard/envs/dev.yml"), """
                extends: base
                load_balancers:
                  web: {target_group: elbtest-dev}
                """);
    }

    @Test
    void theTargetGroupHoldsTheActiveGenerationsInstancesAfterEachStep() {
        ok(project.run("up", "dev"));
        List<String> first = instances(project.state("dev"), 1);

        assertThat(first).hasSize(1);
        assertThat(registered()).containsExactlyElementsOf(first);

        ok(project.run("up", "dev", "--pending"));
        List<String> second = instances(project.state("dev"), 2);

        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(registered()).as("a pending generation is in no balancer").containsExactlyElementsOf(first);

        ok(project.run("promote", "dev"));

        assertThat(registered()).as("promote moves the target group to the new generation").containsExactlyElementsOf(second);
        assertThat(project.state("dev").generation(2).orElseThrow().nodes()).extracting(NodeRecord::operational).containsOnly(true);
        assertThat(project.state("dev").generation(1).orElseThrow().nodes()).extracting(NodeRecord::operational).containsOnly(false);
    }

    private static void ok(Cli.Run run) {
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
    }

    private static List<String> instances(EnvironmentState state, long generation) {
        return state.generation(generation).orElseThrow().nodes().stream().map(NodeRecord::resourceId).sorted().toList();
    }

    private List<String> registered() {
        return elb.describeTargetHealth(d -> d.targetGroupArn(targetGroup)).targetHealthDescriptions().stream()
                .map(TargetHealthDescription::target).map(t -> t.id()).sorted().toList();
    }
}
