package io.neckbeard.coordinator.simpledb;

import com.amazonaws.SdkClientException;
import com.amazonaws.services.simpledb.model.CreateDomainRequest;
import com.amazonaws.services.simpledb.model.GetAttributesRequest;
import com.amazonaws.services.simpledb.model.GetAttributesResult;
import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.CoordinatorBackendContract;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.LockLostException;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.coordinator.yaml.StateYaml;
import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the simpledb backend adds to the contract: items and their size limits, checksums, the mirror, AWS errors. */
class SimpleDbBackendTest {
    private static final String DOMAIN = "neckbeard";
    @TempDir
    Path dir;
    private final InMemorySimpleDb sdb = new InMemorySimpleDb();
    private SimpleDbBackend backend;

    @BeforeEach
    void createDomain() {
        sdb.createDomain(new CreateDomainRequest(DOMAIN));
        backend = new SimpleDbBackend(sdb, DOMAIN, "us-east-1", null);
    }

    @Test
    void aStateLargerThanAnItemHoldsIsSplitAcrossItemsAndReadBack() {
        EnvironmentState big = EnvironmentState.empty("production").withVars(incompressibleVars(6));

        EnvironmentState written = backend.write(big);

        assertThat(stateItems()).hasSize(2); // 6 × 64 KiB of random text: over 250 chunks of 1 KiB
        assertThat(new SimpleDbBackend(sdb, DOMAIN, "us-east-1", null).read("production")).isEqualTo(written);
    }

    @Test
    void aWriteReplacesTheStateItemsAndDeletesTheOldOnes() {
        EnvironmentState first = backend.write(EnvironmentState.empty("production").withVars(incompressibleVars(6)));
        backend.write(first.withVars(Map.of()));

        assertThat(stateItems()).hasSize(1);
    }

    @Test
    void aStateThatDoesNotMatchItsChecksumIsDamageWithExitTwo() {
        backend.write(EnvironmentState.empty("production").withScale(Map.of("app", 2)));
        String first = stateItems().keySet().iterator().next();
        sdb.overwrite(DOMAIN, first, "sha256", Chunks.sha256("something else"));

        assertThatThrownBy(() -> backend.read("production"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("SimpleDB domain neckbeard in us-east-1, item " + first)
                .hasMessageContaining("checksum does not match");
    }

    @Test
    void aHeadWhoseVersionIsOutOfRangeIsDamageWithExitTwo() {
        backend.write(EnvironmentState.empty("production"));
        sdb.overwrite(DOMAIN, "production", "head", "9999999999999999999/");

        assertThatThrownBy(() -> backend.read("production"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("item production: attribute head is not VERSION/LOCK_TOKEN");
    }

    @Test
    void aFencedWriteRefusedForALostLockLeavesNoItemsBehind() {
        backend.write(EnvironmentState.empty("production"));
        LockInfo lock = backend.acquire("production", "me@here", "here", 1, "up", Duration.ofMinutes(5));
        backend.forceRelease("production");
        Map<String, ?> before = sdb.items(DOMAIN);

        assertThatThrownBy(() -> backend.write(backend.read("production").withScale(Map.of("app", 1)), lock))
                .isInstanceOf(LockLostException.class);

        assertThat(sdb.items(DOMAIN)).isEqualTo(before);
    }

    @Test
    void everyWriteAndAuditEntryIsMirroredInTheLocalYamlFormat() throws Exception {
        Path mirrorDir = dir.resolve("mirror");
        SimpleDbBackend mirrored = new SimpleDbBackend(sdb, DOMAIN, "us-east-1", new LocalYamlBackend(mirrorDir));
        EnvironmentState one = mirrored.write(CoordinatorBackendContract.fullState("production"));
        EnvironmentState two = mirrored.write(one.withScale(Map.of("app", 9)));
        AuditEntry entry = new AuditEntry(Instant.parse("2026-12-01T10:00:00Z"), "alice", "laptop", "production",
                "scale", List.of("scale", "production", "app=9"), 3L, "ok", Duration.ofMillis(40));
        mirrored.append(entry);

        assertThat(Files.readString(mirrorDir.resolve("production/state.yml"))).isEqualTo(StateYaml.encode(two));
        LocalYamlBackend restored = new LocalYamlBackend(mirrorDir);
        assertThat(restored.read("production")).isEqualTo(two);
        assertThat(restored.audit("production", 10)).containsExactly(entry);
    }

    @Test
    void theMirrorNeverGoesBackToAnOlderVersion() {
        LocalYamlBackend mirror = new LocalYamlBackend(dir.resolve("mirror"));
        EnvironmentState newer = EnvironmentState.empty("production").withScale(Map.of("app", 2)).withVersion(5);
        mirror.mirror(newer);

        mirror.mirror(EnvironmentState.empty("production").withVersion(4));

        assertThat(mirror.read("production")).isEqualTo(newer);
    }

    @Test
    void aMissingDomainIsExitTwoSayingHowToCreateIt() {
        SimpleDbBackend elsewhere = new SimpleDbBackend(sdb, "no-such-domain", "eu-west-1", null);

        assertThatThrownBy(() -> elsewhere.read("production"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.remedy()).contains("aws sdb create-domain --domain-name no-such-domain --region eu-west-1");
                })
                .hasMessageContaining("SimpleDB domain no-such-domain in eu-west-1 does not exist");
    }

    @Test
    void accessDeniedIsExitTwoNamingThePermission() {
        InMemorySimpleDb denying = new InMemorySimpleDb() {
            @Override
            public synchronized GetAttributesResult getAttributes(GetAttributesRequest request) {
                throw error("AuthorizationFailure", 403, "User is not authorized to perform: sdb:GetAttributes");
            }
        };
        SimpleDbBackend denied = new SimpleDbBackend(denying, DOMAIN, "us-east-1", null);

        assertThatThrownBy(() -> denied.lock("production"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.remedy()).contains("sdb:GetAttributes, sdb:PutAttributes and sdb:DeleteAttributes");
                })
                .hasMessageContaining("access denied to SimpleDB domain neckbeard in us-east-1 for sdb:GetAttributes");
    }

    @Test
    void missingCredentialsOrRegionAreExitTwoSayingWhatToSet() {
        CoordinatorException credentials = SimpleDbDomain.clientError(new SdkClientException(
                "Unable to load AWS credentials from any provider in the chain: [EnvironmentVariableCredentialsProvider: ...]"));
        CoordinatorException region = SimpleDbDomain.clientError(new SdkClientException(
                "Unable to find a region via the region provider chain. Must provide an explicit region in the builder"));

        assertThat(credentials.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(credentials.remedy()).contains("AWS_PROFILE");
        assertThat(region.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(region.remedy()).contains("region: in neckbeard/config.yml");
    }

    private Map<String, ?> stateItems() {
        Map<String, Object> items = new TreeMap<>(sdb.items(DOMAIN));
        items.keySet().removeIf(name -> !name.startsWith("production/state/"));
        return items;
    }

    /** Vars of 64 KiB random base64 each: gzip cannot shrink them below 48 KiB. */
    private static Map<String, String> incompressibleVars(int count) {
        Random random = new Random(7);
        Map<String, String> vars = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[48 * 1024];
            random.nextBytes(bytes);
            vars.put("VAR_" + i, Base64.getEncoder().encodeToString(bytes));
        }
        return vars;
    }
}
