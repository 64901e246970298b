package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.model.Project;

import java.util.List;
import java.util.function.BiFunction;

/** Loads the project for one environment and opens its coordinator for the commands that work on the coordinator alone. */
final class CoordinatorCommands {
    private CoordinatorCommands() {
    }

    static <T> T with(CliContext cli, String environment, BiFunction<Project, Coordinator, T> work) {
        Project project = ConfigLoader.withoutProvisionerChecks(cli.plugins()).load(cli.project(), List.of(environment));
        try (Coordinator coordinator = Coordinator.open(project, cli.plugins(), cli.options().lockTimeout())) {
            return work.apply(project, coordinator);
        }
    }
}
