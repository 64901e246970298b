package io.neckbeard.engine;

import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.Project;

import java.util.List;

/** {@code history ENV [--limit N]}: the audit trail, newest first. */
public final class HistoryService {
    public static final int DEFAULT_LIMIT = 20;

    private final Project project;
    private final Coordinator coordinator;

    public HistoryService(Project project, Coordinator coordinator) {
        this.project = project;
        this.coordinator = coordinator;
    }

    public record History(String environment, List<AuditEntry> entries) {
        public History {
            entries = List.copyOf(entries);
        }
    }

    public History history(String environment, int limit) {
        if (limit < 1) {
            throw new NeckbeardException(ExitCode.USAGE, "--limit must be at least 1, not " + limit, "e.g. --limit 50");
        }
        project.environment(environment);
        return new History(environment, coordinator.backend().audit(environment, limit));
    }
}
