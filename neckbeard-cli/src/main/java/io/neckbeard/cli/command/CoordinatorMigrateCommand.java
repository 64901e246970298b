package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.CoordinatorSettings;
import io.neckbeard.engine.MigrateService.MigrateReport;
import io.neckbeard.engine.MigrateService.MigratedEnvironment;
import io.neckbeard.engine.MigrateService;
import io.neckbeard.model.Project;
import io.neckbeard.model.TypedSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code coordinator migrate --to SETTINGS [--env ENV]... [--force]}: copies state and audit trails
 * from the configured coordinator to another. JSON: {@code {"environments": [{"environment",
 * "source_version", "target_version", "audit_entries", "replaced"}]}}.
 */
@Command(name = "migrate", description = "Copy every environment's state and audit trail to another coordinator backend.")
public final class CoordinatorMigrateCommand extends NeckbeardCommand {
    @Option(names = "--to", required = true, paramLabel = "SETTINGS",
            description = "The target, like config.yml's coordinator: block: inline ('{type: local-yaml, path: backup}') "
                    + "or a YAML file.")
    String to;

    @Option(names = "--env", paramLabel = "ENV", description = "Only this environment (repeatable). Default: every one.")
    List<String> environments = new ArrayList<>();

    @Option(names = "--force", description = "Write over state the target already holds for an environment.")
    boolean force;

    @Override
    protected int execute(CliContext cli) {
        Project project = ConfigLoader.withoutProvisionerChecks(cli.plugins()).load(cli.project(), List.of());
        TypedSettings target = CoordinatorSettings.parse(to, "--to", Path.of("").toAbsolutePath());
        Duration lockTimeout = cli.options().lockTimeout();
        MigrateReport report;
        try (Coordinator from = Coordinator.open(project, cli.plugins(), lockTimeout);
             Coordinator into = Coordinator.open(target, project, cli.plugins(), lockTimeout)) {
            report = new MigrateService(from, into).migrate(environments, force, maskedArguments());
        }
        if (cli.json()) {
            cli.printJson(report);
            return 0;
        }
        if (report.environments().isEmpty()) {
            cli.out().println("the configured coordinator holds no environment; nothing to copy");
            return 0;
        }
        for (MigratedEnvironment copied : report.environments()) {
            cli.out().println("copied " + copied.environment() + ": state (version " + copied.sourceVersion()
                    + ", stored as " + copied.targetVersion() + ") and " + copied.auditEntries() + " audit entries"
                    + (copied.replaced() ? ", replacing what the target held" : ""));
        }
        cli.info("now point coordinator: in neckbeard/config.yml at " + target.type() + " (docs/coordinator.md)");
        return 0;
    }
}
