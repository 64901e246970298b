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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire calls against moto's SimpleDB, which supports domains and unconditional puts and gets
 * but ignores {@code Expected} and answers deletes with HTTP 500 (so it cannot run the contract
 * suite; the in-memory double does). This proves the SDK client as {@link SimpleDbClients} builds
 * it, with an endpoint override, stores and reads back what the backend writes: item names with
 * {@code /} and {@code #}, base64 chunks, multi-valued attributes. moto is {@code $NECKBEARD_MOTO}
 * (the moto_server executable); without it the test is skipped unless {@code NECKBEARD_REQUIRE_MOTO=1}.
 */
class SimpleDbOnMotoTest {
    private static Process moto;
    private static String endpoint;

    @BeforeAll
    static void startMoto() throws Exception {
        String executable = System.getenv("NECKBEARD_MOTO");
        if (executable == null || executable.isBlank()) {
            String reason = "NECKBEARD_MOTO (the moto_server executable) is unset";
            if ("1".equals(System.getenv("NECKBEARD_REQUIRE_MOTO"))) {
                Assertions.fail(reason + ", and NECKBEARD_REQUIRE_MOTO=1 requires the moto tests to run");
            }
            Assumptions.abort(reason + ": the SimpleDB smoke test on moto is skipped");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("moto-sdb", ".log");
        moto = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        endpoint = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!listening(port)) {
            if (!moto.isAlive() || Instant.now().isAfter(deadline)) {
                Assertions.fail("moto_server did not start on " + endpoint + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        System.setProperty("aws.accessKeyId", "testing"); // the SDK's default chain reads these: no real credentials
        System.setProperty("aws.secretKey", "testing");
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretKey");
        if (moto != null) {
            moto.destroy();
            moto.waitFor();
        }
    }

    @Test
    void stateAuditAndLockRoundTripThroughMotosSimpleDb() {
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

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
