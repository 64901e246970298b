package io.neckbeard.coordinator.simpledb;

import com.amazonaws.services.simpledb.model.CreateDomainRequest;
import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.CoordinatorBackendContract;
import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.coordinator.Operator;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.MigrateService.MigrateReport;
import io.neckbeard.engine.MigrateService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MigrateService} from local-yaml to simpledb (on the in-memory double), and back from its mirror. */
class MigrateToSimpleDbTest {
    private static final Operator ALICE = new Operator("alice", "laptop", ProcessHandle.current().pid());
    @TempDir
    Path dir;
    private final InMemorySimpleDb sdb = new InMemorySimpleDb();

    @Test
    void copiesStateAndTrailSoTheTargetReadsTheSame() {
        LocalYamlBackend files = new LocalYamlBackend(dir.resolve("state"));
        Coordinator local = coordinator(files);
        sessionWrites(local, "production", Map.of("app", 6));
        sessionWrites(local, "staging", Map.of("app", 2));
        SimpleDbBackend simpledb = simpleDb(dir.resolve("mirror"));

        MigrateReport report = new MigrateService(local, coordinator(simpledb)).migrate(List.of(), false, List.of("coordinator", "migrate"));

        assertThat(report.environments()).extracting(MigrateService.MigratedEnvironment::environment)
                .containsExactly("production", "staging");
        SimpleDbBackend reopened = simpleDb(null);
        assertThat(reopened.environments()).containsExactly("production", "staging");
        assertThat(reopened.read("production").withVersion(0)).isEqualTo(files.read("production").withVersion(0));
        List<AuditEntry> source = files.audit("production", 10);
        List<AuditEntry> target = reopened.audit("production", 10);
        // Each trail ends with its own entry for the migration; what came before is the same.
        assertThat(target.get(0).command()).isEqualTo("coordinator migrate").isEqualTo(source.get(0).command());
        assertThat(target.subList(1, target.size())).isEqualTo(source.subList(1, source.size())).hasSize(2);
        // The mirror restores: local-yaml over it reads what simpledb holds.
        assertThat(new LocalYamlBackend(dir.resolve("mirror")).read("production")).isEqualTo(reopened.read("production"));
    }

    @Test
    void refusesATargetThatHoldsTheEnvironmentAndChangesNothing() {
        Coordinator local = coordinator(new LocalYamlBackend(dir.resolve("state")));
        sessionWrites(local, "production", Map.of("app", 6));
        Coordinator target = coordinator(simpleDb(null));
        sessionWrites(target, "production", Map.of("app", 1));
        int changes = sdb.changes.get();

        assertThatThrownBy(() -> new MigrateService(local, target).migrate(List.of(), false, List.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED));

        assertThat(sdb.changes.get()).isEqualTo(changes);
        new MigrateService(local, target).migrate(List.of("production"), true, List.of());
        assertThat(simpleDb(null).read("production").scale()).containsEntry("app", 6);
    }

    private void sessionWrites(Coordinator coordinator, String environment, Map<String, Integer> scale) {
        try (EnvironmentSession session = coordinator.session(environment, "scale", List.of("scale", environment))) {
            session.update(state -> state.withScale(scale));
        }
        try (EnvironmentSession session = coordinator.session(environment, "vars set", List.of("vars", "set", "A=***"))) {
            session.update(state -> state.withVars(CoordinatorBackendContract.fullState(environment).vars()));
        }
    }

    private SimpleDbBackend simpleDb(Path mirror) {
        sdb.createDomain(new CreateDomainRequest("neckbeard"));
        return new SimpleDbBackend(sdb, "neckbeard", "us-east-1", mirror == null ? null : new LocalYamlBackend(mirror));
    }

    private static Coordinator coordinator(io.neckbeard.coordinator.CoordinatorBackend backend) {
        return new Coordinator(backend, ALICE, Coordinator.DEFAULT_LOCK_TTL, Clock.systemUTC(), Duration.ZERO);
    }
}
