package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.ConflictException;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What s3-yaml does beyond the shared contract, on moto. */
@ExtendWith(MotoExtension.class)
class S3YamlBackendTest {
    private static final String HOST = "test-host";
    private static final long PID = ProcessHandle.current().pid();
    private static final String STATE_KEY = "neckbeard/production/state.yml";

    private final MotoServer moto;

    S3YamlBackendTest(MotoServer moto) {
        this.moto = moto;
    }

    /** After the extension's reset. */
    @BeforeEach
    void createBucket() {
        MotoS3.createBucket(moto);
    }

    @Test
    void aDamagedStateObjectIsExitTwoNamingBucketAndKeyAndIsNeverOverwritten() {
        String damaged = "version: 3\nenvironment: production\ngenerations: [unclosed\n";
        try (S3Client s3 = MotoS3.client(moto)) {
            s3.putObject(request -> request.bucket(MotoS3.BUCKET).key(STATE_KEY), RequestBody.fromString(damaged));
            try (S3YamlBackend backend = MotoS3.backend(moto)) {
                assertThatThrownBy(() -> backend.read("production"))
                        .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                        .hasMessageContaining("s3://team-state/" + STATE_KEY);
                assertThatThrownBy(() -> backend.write(EnvironmentState.empty("production").withVersion(3)))
                        .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                        .hasMessageContaining("s3://team-state/" + STATE_KEY);
                assertThatThrownBy(() -> backend.write(EnvironmentState.empty("production")))
                        .isInstanceOf(ConflictException.class).hasMessageContaining("found 3");
            }
            assertThat(s3.getObjectAsBytes(request -> request.bucket(MotoS3.BUCKET).key(STATE_KEY)).asUtf8String())
                    .isEqualTo(damaged);
        }
    }

    /** {@code status} reads the state and the lock: one GET each, whatever the history. */
    @Test
    void readingStateAndLockCostsTwoRequests() {
        try (S3YamlBackend writer = MotoS3.backend(moto)) {
            EnvironmentState state = writer.write(EnvironmentState.empty("production").withVars(Map.of("A", "1")));
            writer.write(state.withVars(Map.of("A", "2")));
            writer.acquire("production", "alice@" + HOST, HOST, PID, "up", Duration.ofMinutes(5));
            for (int i = 0; i < 30; i++) {
                writer.append(new AuditEntry(Instant.now(), "alice", HOST, "production", "up", List.of("up"), null,
                        "ok", Duration.ZERO));
            }
        }
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                requests.add(context.httpRequest().method() + " " + context.httpRequest().encodedPath());
            }
        };
        try (S3YamlBackend reader = new S3YamlBackend(MotoS3.settings(), MotoS3.client(moto.endpoint(), counter))) {
            assertThat(reader.read("production").vars()).containsEntry("A", "2");
            assertThat(reader.lock("production")).isPresent();
        }

        assertThat(requests).hasSize(2);
    }

    @Test
    void takingOverAnExpiredLockIsAudited() throws InterruptedException {
        try (S3YamlBackend backend = MotoS3.backend(moto)) {
            LockInfo expired = backend.acquire("production", "alice@elsewhere", "elsewhere", 1, "up", Duration.ofMillis(100));
            Thread.sleep(300);

            backend.acquire("production", "bob@" + HOST, HOST, PID, "vars set", Duration.ofMinutes(5));

            assertThat(backend.audit("production", 1)).singleElement().satisfies(entry -> {
                assertThat(entry.command()).isEqualTo("lock takeover");
                assertThat(entry.user()).isEqualTo("bob");
                assertThat(entry.arguments()).singleElement().asString().contains("alice@elsewhere")
                        .contains(expired.expiresAt().toString());
            });
        }
    }

    @Test
    void aMissingBucketIsExitTwoNamingItAndSayingInitDoesNotCreateIt() {
        S3YamlSettings elsewhere = new S3YamlSettings("no-such-bucket", "neckbeard/", null, "us-east-1");
        try (S3YamlBackend backend = new S3YamlBackend(elsewhere, MotoS3.client(moto))) {
            assertThatThrownBy(() -> backend.read("production"))
                    .isInstanceOfSatisfying(CoordinatorException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.remedy()).contains("neckbeard init does not create buckets");
                    })
                    .hasMessageContaining("no-such-bucket").hasMessageContaining("coordinator.bucket");
        }
    }

    /** Listing pages of two keys stand in for S3's 1,000, so that a short trail crosses pages. */
    @Test
    void historyPagesThroughTheListingNewestFirst() {
        try (S3YamlBackend backend = new S3YamlBackend(new S3Objects(MotoS3.settings(), MotoS3.client(moto), 2))) {
            Instant at = Instant.parse("2024-05-01T10:00:00Z");
            for (int i = 1; i <= 7; i++) {
                backend.append(new AuditEntry(at.plusSeconds(i), "alice", HOST, "production", "cmd-" + i, List.of(), null,
                        "ok", Duration.ZERO));
            }

            assertThat(backend.audit("production", 5)).extracting(AuditEntry::command)
                    .containsExactly("cmd-7", "cmd-6", "cmd-5", "cmd-4", "cmd-3");
            assertThat(backend.audit("production", 100)).hasSize(7);
        }
    }

    @Test
    void auditEntriesListNewestFirstAcrossBackendsInAppendOrder() {
        try (S3YamlBackend first = MotoS3.backend(moto); S3YamlBackend second = MotoS3.backend(moto)) {
            java.time.Instant at = Instant.parse("2024-05-01T10:00:00Z");
            for (int i = 0; i < 6; i++) {
                (i % 2 == 0 ? first : second).append(new AuditEntry(at, "alice", HOST, "production", "cmd-" + i,
                        List.of(), null, "ok", Duration.ZERO));
            }

            assertThat(second.audit("production", 4)).extracting(AuditEntry::command)
                    .containsExactly("cmd-5", "cmd-4", "cmd-3", "cmd-2");
        }
    }
}
