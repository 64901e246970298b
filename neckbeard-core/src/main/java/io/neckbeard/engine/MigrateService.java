package io.neckbeard.engine;

import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.state.EnvironmentState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code coordinator migrate}: copies environments' state and audit trails from one backend to
 * another, each environment under both backends' locks, and reads the copy back before it says so.
 * A target that already holds an environment's state (or trail) is left alone unless forced.
 */
public final class MigrateService {
    public static final String COMMAND = "coordinator migrate";
    /** "The whole trail" for {@link CoordinatorBackend#audit}; half of int's range, so a backend adding to it cannot overflow. */
    private static final int WHOLE_TRAIL = Integer.MAX_VALUE / 2;

    private final Coordinator source;
    private final Coordinator target;

    public MigrateService(Coordinator source, Coordinator target) {
        this.source = source;
        this.target = target;
    }

    /**
     * @param replaced     whether the target held state or audit entries for it before (only with force)
     * @param auditEntries how many audit entries were copied
     */
    public record MigratedEnvironment(String environment, long sourceVersion, long targetVersion, int auditEntries,
                                      boolean replaced) {
    }

    public record MigrateReport(List<MigratedEnvironment> environments) {
        public MigrateReport {
            environments = List.copyOf(environments);
        }
    }

    /**
     * @param only      the environments to copy; empty for every environment the source has state for
     * @param arguments the command line, masked, for the audit entries it leaves in both backends
     * @throws NeckbeardException exit 4 when the target already holds an environment and {@code force} is not set
     */
    public MigrateReport migrate(List<String> only, boolean force, List<String> arguments) {
        List<String> environments = only.isEmpty() ? source.backend().environments() : only;
        if (!force) {
            // Before copying anything, so a refusal changes nothing; audited in the source's trail as 'refused'.
            environments.forEach(environment -> source.refusalsAudited(environment, COMMAND, arguments, () -> {
                refuseOccupied(environment);
                return null;
            }));
        }
        List<MigratedEnvironment> migrated = new ArrayList<>();
        for (String environment : environments) {
            migrated.add(migrate(environment, force, arguments));
        }
        return new MigrateReport(migrated);
    }

    private MigratedEnvironment migrate(String environment, boolean force, List<String> arguments) {
        try (EnvironmentSession from = source.session(environment, COMMAND, arguments);
             EnvironmentSession to = target.session(environment, COMMAND, arguments)) {
            EnvironmentState state = from.state();
            if (state.version() == 0) {
                from.result("failed");
                to.result("failed");
                throw new NeckbeardException(ExitCode.USAGE, "the configured coordinator has no state for " + environment,
                        "name an environment it holds (neckbeard status ENV), or leave out --env to copy all");
            }
            boolean occupied = occupied(environment);
            if (occupied && !force) {
                from.result("refused");
                to.result("refused");
                refuseOccupied(environment);
            }
            List<AuditEntry> trail = new ArrayList<>(source.backend().audit(environment, WHOLE_TRAIL));
            Collections.reverse(trail);
            EnvironmentState stored = to.update(current -> state.withVersion(current.version()));
            trail.forEach(target.backend()::append);
            verify(environment, stored, trail);
            return new MigratedEnvironment(environment, state.version(), stored.version(), trail.size(), occupied);
        }
    }

    private boolean occupied(String environment) {
        return target.backend().read(environment).version() > 0 || !target.backend().audit(environment, 1).isEmpty();
    }

    private void refuseOccupied(String environment) {
        if (occupied(environment)) {
            throw new NeckbeardException(ExitCode.REFUSED, "the target coordinator already holds state or history for "
                    + environment + "; nothing was copied", "add --force to write over its state (its history is kept, "
                    + "and the copied entries are added after it), or migrate other environments with --env");
        }
    }

    /** Reads the copy back from the target: the state as written, the trail ending in the copied entries. */
    private void verify(String environment, EnvironmentState stored, List<AuditEntry> trail) {
        EnvironmentState readBack = target.backend().read(environment);
        List<AuditEntry> newest = new ArrayList<>(target.backend().audit(environment, trail.size()));
        Collections.reverse(newest);
        if (!readBack.equals(stored) || !newest.equals(trail)) {
            throw new NeckbeardException(ExitCode.FAILED, "the copy of " + environment + " does not read back as written "
                    + "(" + (readBack.equals(stored) ? "audit trail" : "state") + " differs)",
                    "check the target coordinator, then migrate again with --force; the configured one is unchanged");
        }
    }
}
