package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsClients;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.plugin.RunScope;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import io.neckbeard.testing.moto.SdkOnMoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS clients of a run, as the providers get them: made once, shared, and every call counted. */
@ExtendWith(MotoExtension.class)
class RunClientsOnMotoTest {
    private final RunScope run = new RunScope();
    private final ProviderContext context = new ProviderContext(Path.of("."), MotoEc2.APP, "us-east-1", null, run);

    @BeforeEach
    void sdkOnMoto(MotoServer moto) {
        SdkOnMoto.use(moto.endpoint());
    }

    @AfterEach
    void close() {
        run.close();
        SdkOnMoto.clear();
    }

    @Test
    void theProvidersAndLoadBalancersOfARunShareOneClientAndOneCountOfTheirCalls() {
        ResourceProvider first = new Ec2ProviderFactory().create(context);
        ResourceProvider second = new Ec2ProviderFactory().create(context);

        first.launch(MotoEc2.request("production", 1, "web-1"));
        second.discover(MotoEc2.APP, "production");

        assertThat(AwsClients.of(context)).isSameAs(AwsClients.of(context))
                .isSameAs(AwsClients.of(new LoadBalancerContext(Path.of("."), MotoEc2.APP,
                        new LoadBalancerSpec("web", "elbv2", Map.of()), "us-east-1", run)));
        assertThat(AwsClients.of(context).ec2()).isSameAs(AwsClients.of(context).ec2());
        // the launch: RunInstances, then one poll round (the instance runs and passes its status checks at once
        // on moto); then discover
        assertThat(run.calls().totals()).isEqualTo(Map.of("EC2.DescribeInstances", 2L, "EC2.RunInstances", 1L,
                "EC2.DescribeInstanceStatus", 1L));
    }

    @Test
    void eachPageOfAPaginatedDescribeIsOneCall() {
        Ec2Provider provider = new Ec2Provider(() -> new Ec2Instances(AwsClients.of(context).ec2(), MotoEc2.FIRST_POLL, 5));
        IntStream.rangeClosed(1, 12).forEach(i -> provider.launch(MotoEc2.request("production", 1, "web-" + i)));
        long before = run.calls().totals().get("EC2.DescribeInstances");

        provider.discover(MotoEc2.APP, "production");

        // moto pages by reservation, one per launch here: 12 reservations, 5 per page
        assertThat(run.calls().totals().get("EC2.DescribeInstances") - before).isEqualTo(3);
    }

    @Test
    void aProviderThatMadeNoCallCountsNothing() {
        new Ec2ProviderFactory().create(context);

        assertThat(run.calls().totals()).isEmpty();
    }
}
