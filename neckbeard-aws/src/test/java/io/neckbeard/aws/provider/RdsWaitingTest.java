package io.neckbeard.aws.provider;

import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

import java.time.Clock;
import java.time.Duration;
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
 * What moto cannot show (its databases are {@code available} at once, it never throttles): a
 * stubbed RdsClient. Its paginators and consumer-builder overloads are the SDK's own code
 * ({@code CALLS_REAL_METHODS}); only the calls to RDS itself are stubbed.
 */
class RdsWaitingTest {
    private static final String ID = "shop-production-g1-db-1";
    private final RdsClient rds = mock(RdsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));

    @Test
    void aLaunchWaitsThroughCreatingAndBackingUpUntilTheDatabaseIsAvailable() {
        doReturn(CreateDbInstanceResponse.builder().build()).when(rds).createDBInstance(any(CreateDbInstanceRequest.class));
        doReturn(none(), none(), described("creating", null), described("creating", null), described("backing-up", "db.example"))
                .when(rds).describeDBInstances(any(DescribeDbInstancesRequest.class));

        Resource db = provider().launch(MotoRds.request("production", 1, "db-1", Map.of()));

        assertThat(db.address()).isEqualTo("db.example");
        assertThat(db.running()).isTrue();
        verify(rds, times(5)).describeDBInstances(any(DescribeDbInstancesRequest.class));
        ArgumentCaptor<CreateDbInstanceRequest> create = ArgumentCaptor.forClass(CreateDbInstanceRequest.class);
        verify(rds).createDBInstance(create.capture());
        assertThat(create.getValue().masterUserPassword()).isEqualTo(MotoRds.PASSWORD);
        assertThat(create.getValue().toString()).doesNotContain(MotoRds.PASSWORD);
    }

    @Test
    void aDatabaseThatEndsInAFailedStatusFailsTheNodeWithThatStatus() {
        doReturn(CreateDbInstanceResponse.builder().build()).when(rds).createDBInstance(any(CreateDbInstanceRequest.class));
        doReturn(none(), described("creating", null), described("incompatible-parameters", null))
                .when(rds).describeDBInstances(any(DescribeDbInstancesRequest.class));

        assertThatThrownBy(() -> provider().launch(MotoRds.request("production", 1, "db-1", Map.of())))
                .isInstanceOf(ProviderException.class)
                .hasMessage("node db-1: database " + ID + " is incompatible-parameters instead of available")
                .satisfies(e -> assertThat(((ProviderException) e).remedy()).contains("describe-events").contains(ID));
    }

    @Test
    void throttlingWhileWaitingIsWaitedOutNotTheNodesFailure() {
        doReturn(CreateDbInstanceResponse.builder().build()).when(rds).createDBInstance(any(CreateDbInstanceRequest.class));
        doReturn(none(), described("creating", null)).doThrow(throttled()).doReturn(described("available", "db.example"))
                .when(rds).describeDBInstances(any(DescribeDbInstancesRequest.class));

        Resource db = provider().launch(MotoRds.request("production", 1, "db-1", Map.of()));

        assertThat(db.running()).isTrue();
    }

    @Test
    void aDatabaseStillCreatingAfterTheLaunchTimeoutFailsTheNodeSayingHowToGoOn() {
        doReturn(CreateDbInstanceResponse.builder().build()).when(rds).createDBInstance(any(CreateDbInstanceRequest.class));
        doReturn(none(), described("creating", null)).when(rds).describeDBInstances(any(DescribeDbInstancesRequest.class));

        assertThatThrownBy(() -> provider().launch(MotoRds.request("production", 1, "db-1", Map.of("launch_timeout", "200ms"))))
                .isInstanceOf(ProviderException.class)
                .hasMessage("node db-1: database " + ID + " is still creating after PT0.2S")
                .satisfies(e -> assertThat(((ProviderException) e).remedy()).contains("rds.launch_timeout"));
    }

    @Test
    void throttlingOfTheCreateCallFailsTheNodeBeforeAnythingIsRecorded() {
        doReturn(none()).when(rds).describeDBInstances(any(DescribeDbInstancesRequest.class));
        doThrow(throttled()).when(rds).createDBInstance(any(CreateDbInstanceRequest.class));

        assertThatThrownBy(() -> provider().launch(MotoRds.request("production", 1, "db-1", Map.of())))
                .isInstanceOf(ProviderException.class)
                .hasMessage("cannot launch node db-1: AWS answered Throttling: Rate exceeded");
    }

    private RdsProvider provider() {
        return new RdsProvider(() -> new RdsDatabases(rds, Duration.ofMillis(1), Clock.systemUTC()));
    }

    private static DescribeDbInstancesResponse none() {
        return DescribeDbInstancesResponse.builder().build();
    }

    private static DescribeDbInstancesResponse described(String status, String address) {
        DBInstance.Builder db = DBInstance.builder().dbInstanceIdentifier(ID).dbInstanceStatus(status).engine("postgres").dbName("shop");
        if (address != null) {
            db.endpoint(e -> e.address(address).port(5432));
        }
        return DescribeDbInstancesResponse.builder().dbInstances(db.build()).build();
    }

    private static AwsServiceException throttled() {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling").errorMessage("Rate exceeded").build()).build();
    }
}
