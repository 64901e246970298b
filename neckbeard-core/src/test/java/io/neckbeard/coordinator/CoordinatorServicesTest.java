package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.HistoryService;
import io.neckbeard.engine.LockService;
import io.neckbeard.engine.NodeService;
import io.neckbeard.engine.ScaleService;
import io.neckbeard.engine.StatusReport;
import io.neckbeard.engine.StatusService;
import io.neckbeard.engine.VarsService;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoordinatorServicesTest {
    private static final Operator ME = new Operator("alice", "laptop", ProcessHandle.current().pid());
    private final InMemoryCoordinatorBackend backend = new InMemoryCoordinatorBackend();
    private final Coordinator coordinator = new Coordinator(backend, ME, Duration.ofMinutes(5), Clock.systemUTC());
    private final FixedProject project = new FixedProject();
    @TempDir
    Path localProject;

    /** Adopted ids are looked up with a real local provider, where they are nobody's (no such node directory). */
    private NodeService nodes() {
        ResourceProvider local = Plugins.builtIn().find(ResourceProviderFactory.class, "local", "resource provider")
                .create(new ProviderContext(localProject, "hello", null));
        return new NodeService(project, coordinator, type -> local);
    }

    @Test
    void statusListsNewestGenerationFirstWithHealthAndLock() {
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        NodeRecord checked = new NodeRecord("app-1", "app", "us-east-1a", "ec2", "i-1", "10.0.0.1", at, null, null,
                new NodeHealth(false, at, "HTTP 500"), true, Map.of());
        NodeRecord unchecked = new NodeRecord("app-1", "app", "us-east-1a", "ec2", null, null, null, null, null, null,
                false, Map.of());
        backend.write(EnvironmentState.empty("production")
                .withGeneration(new Generation(1, GenerationState.ACTIVE, at, "sha256:a", null, List.of(checked)))
                .withGeneration(new Generation(2, GenerationState.PENDING, at, null, null, List.of(unchecked))));
        backend.acquire("production", "bob@desk", "desk", 7, "up", Duration.ofMinutes(5));

        StatusReport report = new StatusService(project, coordinator).status("production");

        assertThat(report.generations()).extracting(StatusReport.GenerationStatus::id).containsExactly(2L, 1L);
        assertThat(report.generations().get(1).nodes().get(0).healthy()).isFalse();
        assertThat(report.generations().get(0).nodes().get(0).healthy()).isNull();
        assertThat(report.lock().holder()).isEqualTo("bob@desk");
    }

    @Test
    void statusOfAnEnvironmentTheConfigDoesNotKnowIsAUsageError() {
        assertThatThrownBy(() -> new StatusService(project, coordinator).status("staging"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void scaleRecordsTheCountAndIsAudited() {
        ScaleService.ScaleReport report = new ScaleService(project, coordinator)
                .scale("production", List.of("app=6"), List.of("scale", "production", "app=6"));

        assertThat(report.counts()).containsEntry("app", 6).containsEntry("db", 1);
        assertThat(backend.read("production").scale()).containsEntry("app", 6);
        assertThat(backend.audit("production", 5)).singleElement()
                .satisfies(entry -> assertThat(entry.command()).isEqualTo("scale"));
    }

    @Test
    void rejectsCountBelowHaTargetNamingTheAz() {
        assertThatThrownBy(() -> new ScaleService(project, coordinator).scale("production", List.of("app=3"), List.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                    assertThat(e.remedy()).contains("at least 4");
                })
                .hasMessage("scale app=3 would leave us-east-1b with 1 app node, under min_per_az 2");
        assertThat(backend.read("production").version()).isZero();
    }

    @Test
    void varsSetRefusesAValueOverTheCapBeforeTakingTheLock() {
        String tooLong = "x".repeat(VarsService.MAX_VALUE_BYTES + 1);

        assertThatThrownBy(() -> new VarsService(project, coordinator).set("production", List.of("BIG=" + tooLong),
                List.of("vars", "production", "set", "BIG=***")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("BIG has 65537 bytes").hasMessageNotContaining("xxx");
        assertThat(backend.read("production").version()).isZero();
    }

    @Test
    void varsSetRefusesToGrowTheVarsPastTheTotalCapAndLeavesTheStateAsItWas() {
        VarsService vars = new VarsService(project, coordinator);
        String value = "x".repeat(VarsService.MAX_VALUE_BYTES);
        for (int i = 0; i < 15; i++) {
            vars.set("production", List.of("VAR_" + i + "=" + value), List.of());
        }
        EnvironmentState before = backend.read("production");

        assertThatThrownBy(() -> vars.set("production", List.of("ONE_MORE=" + value), List.of("vars", "set")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("together they may take at most 1048576");
        assertThat(backend.read("production")).isEqualTo(before);
        assertThat(backend.audit("production", 1)).extracting(AuditEntry::result).containsExactly("failed");
    }

    @Test
    void aScaleRefusedBeforeTheLockIsAuditedAsRefused() {
        assertThatThrownBy(() -> new ScaleService(project, coordinator).scale("production", List.of("app=3"),
                List.of("scale", "production", "app=3"))).isInstanceOf(NeckbeardException.class);

        assertThat(backend.audit("production", 5)).singleElement().satisfies(entry -> {
            assertThat(entry.command()).isEqualTo("scale");
            assertThat(entry.result()).isEqualTo("refused");
        });
    }

    @Test
    void aRefusalAfterTheLockIsAuditedOnceBySession() {
        assertThatThrownBy(() -> coordinator.refusalsAudited("production", "promote", List.of(), () -> {
            try (EnvironmentSession session = coordinator.session("production", "promote", List.of())) {
                session.result("refused");
                throw new NeckbeardException(ExitCode.REFUSED, "refusing", null);
            }
        })).isInstanceOf(NeckbeardException.class);

        assertThat(backend.audit("production", 5)).extracting(AuditEntry::result).containsExactly("refused");
    }

    @Test
    void lockReleaseWithoutForceOfALiveLockIsAuditedAsLocked() {
        backend.acquire("production", "bob@desk", "desk", ProcessHandle.current().pid(), "up", Duration.ofMinutes(5));

        assertThatThrownBy(() -> new LockService(project, coordinator).release("production", false,
                List.of("lock", "release", "production"))).isInstanceOf(LockedException.class);

        assertThat(backend.audit("production", 1)).extracting(AuditEntry::command, AuditEntry::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lock release", "locked"));
    }

    @Test
    void rejectsCountAboveMaxCount() {
        assertThatThrownBy(() -> new ScaleService(project, coordinator).scale("production", List.of("app=11"), List.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED))
                .hasMessageContaining("above max_count 10");
    }

    @Test
    void rejectsAnUnknownTypeOrABadCountAsUsage() {
        ScaleService scale = new ScaleService(project, coordinator);

        assertThatThrownBy(() -> scale.scale("production", List.of("worker=2"), List.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("no node type 'worker'");
        assertThatThrownBy(() -> scale.scale("production", List.of("app=-1"), List.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void varsSetAndUnsetChangeTheStoredVarsAndAuditMaskedArguments() {
        VarsService vars = new VarsService(project, coordinator);
        List<String> masked = Arguments.mask(List.of("vars", "production", "set", "A=secret", "B=2"));

        vars.set("production", List.of("A=secret", "B=2"), masked);
        VarsService.VarsReport after = vars.unset("production", List.of("B"), List.of("vars", "production", "unset", "B"));

        assertThat(after.names()).containsExactly("A");
        assertThat(after.values()).isNull();
        assertThat(vars.list("production", true).values()).containsExactly(Map.entry("A", "secret"));
        assertThat(backend.audit("production", 5).get(1).arguments()).containsExactly("vars", "production", "set", "A=***", "B=***");
    }

    @Test
    void rejectsABadVarName() {
        assertThatThrownBy(() -> new VarsService(project, coordinator).set("production", List.of("lower=1"), List.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("'lower' is not a valid config var name");
    }

    @Test
    void adoptCreatesTheFirstGenerationAndForgetRemovesTheNode() {
        NodeService nodes = nodes();

        NodeService.NodeChange adopted = nodes.adopt("production", "app-2", "i-0new", List.of("node", "adopt"));
        NodeRecord record = backend.read("production").active().orElseThrow().nodes().get(0);
        NodeService.NodeChange forgotten = nodes.forget("production", "app-2", List.of("node", "forget"));

        assertThat(adopted.generation()).isEqualTo(1);
        assertThat(record.resourceId()).isEqualTo("i-0new");
        assertThat(record.az()).isEqualTo("us-east-1b");
        assertThat(forgotten.resourceId()).isEqualTo("i-0new");
        assertThat(backend.read("production").active().orElseThrow().nodes()).isEmpty();
        assertThat(backend.audit("production", 5)).extracting(AuditEntry::command, AuditEntry::generation, AuditEntry::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node forget", 1L, "ok"),
                        org.assertj.core.groups.Tuple.tuple("node adopt", 1L, "ok"));
    }

    @Test
    void forgettingAnUnknownNodeIsAUsageErrorAuditedAsFailed() {
        assertThatThrownBy(() -> nodes().forget("production", "app-9", List.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));

        assertThat(backend.audit("production", 1)).singleElement()
                .satisfies(entry -> assertThat(entry.result()).isEqualTo("failed"));
        assertThat(backend.lock("production")).isEmpty();
    }

    @Test
    void lockReleaseWithoutForceRefusesALiveHolderAndForceBreaksItWithAnAuditEntry() {
        backend.acquire("production", "bob@laptop", "laptop", ProcessHandle.current().pid(), "up", Duration.ofMinutes(5));
        LockService locks = new LockService(project, coordinator);

        assertThatThrownBy(() -> locks.release("production", false, List.of()))
                .isInstanceOfSatisfying(LockedException.class, e -> assertThat(e.remedy()).contains("--force"));
        LockService.LockReport broken = locks.release("production", true, List.of("lock", "release", "production", "--force"));

        assertThat(broken.lock().holder()).isEqualTo("bob@laptop");
        assertThat(backend.lock("production")).isEmpty();
        assertThat(backend.audit("production", 1)).singleElement()
                .satisfies(entry -> assertThat(entry.command()).isEqualTo("lock release --force"));
    }

    @Test
    void lockReleaseWithoutForceReleasesTheLockOfADeadProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        backend.acquire("production", "bob@laptop", "laptop", gone.pid(), "up", Duration.ofMinutes(5));
        LockService locks = new LockService(project, coordinator);

        assertThat(locks.status("production").lock().stale()).isTrue();
        assertThat(locks.release("production", false, List.of()).lock().pid()).isEqualTo(gone.pid());
        assertThat(backend.lock("production")).isEmpty();
    }

    @Test
    void historyIsNewestFirstAndRejectsANonPositiveLimit() {
        new VarsService(project, coordinator).set("production", List.of("A=1"), List.of());
        new ScaleService(project, coordinator).scale("production", List.of("app=4"), List.of());
        HistoryService history = new HistoryService(project, coordinator);

        assertThat(history.history("production", 1).entries()).extracting(AuditEntry::command).containsExactly("scale");
        assertThatThrownBy(() -> history.history("production", 0))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
