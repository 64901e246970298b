package io.neckbeard.aws.provider;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.ResourceProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Ec2LaunchFailureTest {

    /**
     * moto runs any AMI: only a stand-in EC2 can end an instance {@code terminated} with a reason,
     * as EC2 does for a bad AMI, a missing snapshot or no capacity.
     */
    @Test
    void anInstanceThatEndsTerminatedFailsTheNodeWithTheReasonEc2Gave() {
        Ec2Client ec2 = new Ec2Client() {
            private boolean launched;

            @Override
            public RunInstancesResponse runInstances(RunInstancesRequest request) {
                launched = true;
                return RunInstancesResponse.builder().instances(instance("i-0bad", InstanceStateName.PENDING, null)).build();
            }

            @Override
            public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
                Reservation reservation = Reservation.builder().instances(!launched ? new Instance[0]
                        : new Instance[] {instance("i-0bad", InstanceStateName.TERMINATED, "Client.InvalidSnapshot.NotFound: snap-0 does not exist")}).build();
                return DescribeInstancesResponse.builder().reservations(reservation).build();
            }

            @Override
            public String serviceName() {
                return "ec2";
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> MotoEc2.provider(ec2, 1000).launch(MotoEc2.request("production", 1, "db-1")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("node db-1: instance i-0bad ended terminated instead of running: Client.InvalidSnapshot.NotFound: snap-0 does not exist");
    }

    /** Surefire gives this module's tests no AWS profile files, no instance metadata and a closed loopback endpoint. */
    @Test
    void withoutCredentialsTheFirstCallFailsWithExit2AndSaysHowToProvideThem() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null,
                "AWS_ACCESS_KEY_ID is set in this environment");
        ResourceProvider provider = new Ec2ProviderFactory().create(new ProviderContext(Path.of("."), "shop", "us-east-1"));

        assertThatThrownBy(() -> provider.discover("shop", "production"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("cannot discover the ec2 nodes of production: no AWS credentials found");
                    assertThat(e.remedy()).contains("AWS_PROFILE").contains("aws sso login");
                });
    }

    private static Instance instance(String id, InstanceStateName state, String reason) {
        Instance.Builder instance = Instance.builder().instanceId(id).state(s -> s.name(state));
        return (reason == null ? instance : instance.stateReason(r -> r.code("Server.InternalError").message(reason))).build();
    }
}
