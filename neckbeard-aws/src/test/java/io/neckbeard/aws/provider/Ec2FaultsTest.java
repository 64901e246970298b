package io.neckbeard.aws.provider;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The faults moto cannot produce (throttling, 5xx, a denied call, rejected or expired credentials),
 * injected by {@link FaultyEc2} in front of moto and met by the provider's real clients: the SDK's
 * standard retries take throttling and 5xx, a launch never ends with an instance nobody knows of,
 * and what cannot be retried is an exit code naming what to fix.
 */
@ExtendWith(MotoExtension.class)
class Ec2FaultsTest {
    private final RunScope run = new RunScope();
    private FaultyEc2 faulty;
    private Ec2Client moto;
    private ResourceProvider provider;

    @BeforeEach
    void start(MotoServer server) throws Exception {
        faulty = new FaultyEc2(server);
        moto = MotoEc2.client(server);
        SdkOnMoto.use(faulty.endpoint());
        provider = new Ec2ProviderFactory().create(new ProviderContext(Path.of("."), MotoEc2.APP, "us-east-1", null, run));
    }

    @AfterEach
    void stop() {
        SdkOnMoto.clear();
        run.close();
        moto.close();
        faulty.close();
    }

    @Test
    void throttlingIsRetriedWithBackoffAndTheCallCountedOnce() {
        faulty.fail("DescribeInstances", 2, 503, "RequestLimitExceeded");

        assertThat(provider.discover(MotoEc2.APP, "production")).isEmpty();

        assertThat(faulty.requests("DescribeInstances")).isEqualTo(3);
        assertThat(run.calls().totals()).containsEntry("EC2.DescribeInstances", 1L);
    }

    @Test
    void aServerErrorOnRunInstancesIsRetriedAndLaunchesOneInstance() {
        faulty.fail("RunInstances", 1, 500, "InternalError");

        String id = provider.launch(MotoEc2.request("production", 1, "web-1")).id();

        assertThat(faulty.requests("RunInstances")).isEqualTo(2);
        assertThat(instanceIds()).containsExactly(id);
    }

    @Test
    void throttlingThatOutlastsTheRetriesFailsTheNodeWithExitOneAndTheRerunLaunchesIt() {
        faulty.fail("RunInstances", 3, 503, "RequestLimitExceeded");

        assertThatThrownBy(() -> provider.launch(MotoEc2.request("production", 1, "web-1")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).contains("launch node web-1").contains("RequestLimitExceeded");
                });
        assertThat(faulty.requests("RunInstances")).isEqualTo(3);
        assertThat(instanceIds()).isEmpty();

        String id = provider.launch(MotoEc2.request("production", 1, "web-1")).id();
        assertThat(instanceIds()).containsExactly(id);
    }

    @Test
    void aDeniedCallMidDeployFailsTheNodeWithExitOneNamingTheCodeAndThePermissions() {
        faulty.fail("RunInstances", 1, 403, "UnauthorizedOperation");

        assertThatThrownBy(() -> provider.launch(MotoEc2.request("production", 1, "web-1")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).contains("AWS denied the call (UnauthorizedOperation)");
                    assertThat(e.remedy()).contains("IAM permissions").contains("docs/aws.md");
                });
        assertThat(faulty.requests("RunInstances")).isEqualTo(1);
        assertThat(instanceIds()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RequestExpired", "ExpiredToken"})
    void anExpiredTokenIsExitTwoSayingToRefreshTheCredentials(String code) {
        faulty.fail("DescribeInstances", 5, 400, code);

        assertThatThrownBy(() -> provider.discover(MotoEc2.APP, "production"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("session token has expired (" + code + ")");
                    assertThat(e.remedy()).contains("refresh the credentials");
                });
    }

    @Test
    void rejectedKeysAreExitTwoNamingWhereTheyComeFrom() {
        faulty.fail("DescribeInstances", 5, 401, "AuthFailure");

        assertThatThrownBy(() -> provider.discover(MotoEc2.APP, "production"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    // EC2 answers AuthFailure with HTTP 401, whose body the URL-connection client does not read
                    assertThat(e.getMessage()).contains("AWS rejected the credentials (HTTP 401)");
                    assertThat(e.remedy()).contains("AWS_PROFILE");
                });
    }

    @Test
    void noCredentialsAnywhereIsExitTwoListingTheWaysToGiveThem() {
        // the build gives the SDK no keys, no profile files and no instance metadata (the parent pom)
        SdkOnMoto.useWithoutKeys(faulty.endpoint());

        assertThatThrownBy(() -> provider.discover(MotoEc2.APP, "production"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("no AWS credentials found");
                    assertThat(e.remedy()).contains("AWS_PROFILE").contains("aws sso login");
                });
        assertThat(faulty.requests("DescribeInstances")).isZero();
    }

    private List<String> instanceIds() {
        return moto.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                .map(Instance::instanceId).toList();
    }
}
