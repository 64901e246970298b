package io.neckbeard.aws.provider;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/** What an operator gets when AWS refuses: configuration problems are exit 2, a denied call the operation's failure. */
class RdsErrorsTest {

    /** Surefire gives this module's tests no AWS profile files, no instance metadata and a closed loopback endpoint. */
    @Test
    void withoutCredentialsTheFirstCallFailsWithExit2AndSaysHowToProvideThem() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null, "AWS_ACCESS_KEY_ID is set in this environment");
        ResourceProvider provider = new RdsProviderFactory().create(new ProviderContext(Path.of("."), "shop", "us-east-1"));

        assertThatThrownBy(() -> provider.discover("shop", "production"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("cannot discover the rds databases of production: no AWS credentials found");
                });
    }

    /** moto allows every call: only a stub can deny one, as IAM does for a missing rds:DescribeDBInstances. */
    @Test
    void aDeniedCallFailsTheOperationNamingTheErrorAndThePermissionsDoc() {
        RdsClient rds = mock(RdsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        doThrow(AwsServiceException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied")
                .errorMessage("not authorized to perform: rds:DescribeDBInstances").build()).build())
                .when(rds).describeDBInstances(any(DescribeDbInstancesRequest.class));
        RdsProvider provider = new RdsProvider(() -> new RdsDatabases(rds, Duration.ofMillis(1), Clock.systemUTC()));
        Resource db = new Resource("shop-production-g1-db-1", "rds", null, ResourceState.UNKNOWN, Map.of(), Map.of());

        assertThatThrownBy(() -> provider.refreshAll(List.of(db)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).isEqualTo("cannot refresh the rds databases: AWS denied the call (AccessDenied): "
                            + "not authorized to perform: rds:DescribeDBInstances");
                    assertThat(e.remedy()).contains("docs/aws.md");
                });
    }
}
