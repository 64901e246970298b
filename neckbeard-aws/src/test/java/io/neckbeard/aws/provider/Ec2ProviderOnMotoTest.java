package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.List;
import java.util.Map;
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
}
