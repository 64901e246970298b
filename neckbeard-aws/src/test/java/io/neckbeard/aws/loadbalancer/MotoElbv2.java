package io.neckbeard.aws.loadbalancer;

import io.neckbeard.loadbalancer.Target;
import io.neckbeard.testing.moto.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A VPC with two subnets and an application load balancer on moto, to add target groups and EC2
 * instances to. Clients talk to moto only (explicit region, dummy keys, no retries): {@link #elb}
 * counts its calls, the one that sets things up and looks at them does not.
 */
final class MotoElbv2 implements AutoCloseable {
    /** The client of the code under test: its calls are counted. */
    final ElasticLoadBalancingV2Client elb;
    private final ElasticLoadBalancingV2Client observer;
    private final Ec2Client ec2;
    private final String vpc;
    private final String subnet;
    private final String loadBalancer;

    MotoElbv2(MotoServer moto, CallCounter counter) {
        elb = client(moto, ClientOverrideConfiguration.builder().addExecutionInterceptor(counter));
        observer = client(moto, ClientOverrideConfiguration.builder());
        ec2 = io.neckbeard.aws.provider.MotoEc2.client(moto);
        vpc = ec2.createVpc(v -> v.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnet = ec2.createSubnet(s -> s.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String other = ec2.createSubnet(s -> s.vpcId(vpc).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        loadBalancer = observer.createLoadBalancer(l -> l.name("shop").subnets(subnet, other)).loadBalancers().get(0).loadBalancerArn();
    }

    private static ElasticLoadBalancingV2Client client(MotoServer moto, ClientOverrideConfiguration.Builder config) {
        return ElasticLoadBalancingV2Client.builder()
                .endpointOverride(MotoServer.requireLoopback(moto.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config.retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    /** A target group of {@code type} on port 80, forwarded to by a listener of the load balancer; its ARN. */
    String targetGroup(String name, TargetTypeEnum type) {
        String arn = observer.createTargetGroup(g -> g.name(name).protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc).targetType(type))
                .targetGroups().get(0).targetGroupArn();
        observer.createListener(l -> l.loadBalancerArn(loadBalancer).protocol(ProtocolEnum.HTTP).port(80 + name.length())
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(arn)));
        return arn;
    }

    /** {@code count} EC2 instances in the first subnet, as targets named web-1, web-2, ... */
    List<Target> launch(int count) {
        List<Instance> instances = ec2.runInstances(r -> r.imageId("ami-12c6146b").instanceType("t3.micro").subnetId(subnet)
                .minCount(count).maxCount(count)).instances();
        return IntStream.range(0, count).mapToObj(i -> new Target("web-" + (i + 1), instances.get(i).instanceId(),
                instances.get(i).privateIpAddress(), 0)).toList();
    }

    /** The ids registered in the group now, as ELB lists them (every target of the group). */
    List<String> registered(String arn) {
        return observer.describeTargetHealth(d -> d.targetGroupArn(arn)).targetHealthDescriptions().stream()
                .map(TargetHealthDescription::target).map(t -> t.id()).sorted().toList();
    }

    @Override
    public void close() {
        elb.close();
        observer.close();
        ec2.close();
    }
}
