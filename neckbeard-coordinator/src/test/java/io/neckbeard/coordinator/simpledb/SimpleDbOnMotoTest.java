package io.neckbeard.coordinator.simpledb;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.simpledb.AmazonSimpleDB;
import com.amazonaws.services.simpledb.AmazonSimpleDBClientBuilder;
import com.amazonaws.services.simpledb.model.CreateDomainRequest;
import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.CoordinatorBackendContract;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire calls against moto's SimpleDB, which supports domains and unconditional puts and gets
 * but ignores {@code Expected} and answers deletes with HTTP 500 (so it cannot run the contract
 * suite; the in-memory double does). This proves the SDK client as {@link SimpleDbClients} builds
 * it, with an endpoint override, stores and reads back what the backend writes: item names with
 * {@code /} and {@code #}, base64 chunks, multi-valued attributes. moto comes from {@link MotoExtension}.
 */
@ExtendWith(MotoExtension.class)
class SimpleDbOnMotoTest {

    @Test
    void stateAuditAndLockRoundTripThroughMotosSimpleDb(MotoServer moto) {
        String endpoint = moto.endpoint().toString();
        // the SDK's default chain reads these: dummy credentials, never a real profile or the instance role
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretKey", "testing");
        try {
            roundTrip(endpoint);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretKey");
        }
    }

    private static void roundTrip(String endpoint) {
        AmazonSimpleDB admin = AmazonSimpleDBClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(endpoint, "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("testing", "testing"))).build();
        admin.createDomain(new CreateDomainRequest("neckbeard-smoke"));
        SimpleDbBackend backend = SimpleDbClients.backend("neckbeard-smoke", "us-east-1", null, endpoint, null);
        SimpleDbBackend reopened = SimpleDbClients.backend("neckbeard-smoke", "us-east-1", null, endpoint, null);

        EnvironmentState written = backend.write(CoordinatorBackendContract.fullState("production"));
        AuditEntry entry = new AuditEntry(Instant.parse("2026-12-01T10:00:00Z"), "alice", "laptop", "production",
                "vars set", List.of("vars", "production", "set", "A=***"), 1L, "ok", Duration.ofMillis(12));
        backend.append(entry);
        LockInfo lock = backend.acquire("production", "alice@laptop", "laptop", 1, "up", Duration.ofMinutes(5));

        assertThat(reopened.read("production")).isEqualTo(written);
        assertThat(reopened.environments()).containsExactly("production");
        assertThat(reopened.audit("production", 5)).containsExactly(entry);
        assertThat(reopened.lock("production")).contains(lock);
        assertThat(reopened.read("staging")).isEqualTo(EnvironmentState.empty("staging"));
        backend.close();
        reopened.close();
        ((com.amazonaws.AmazonWebServiceClient) admin).shutdown();
    }
}
