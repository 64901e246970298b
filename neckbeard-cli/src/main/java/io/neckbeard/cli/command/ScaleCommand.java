package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.coordinator.ScaleService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code scale ENV TYPE=COUNT...}: records node counts; the next {@code up} launches or retires nodes. */
@Command(name = "scale", description = "Change node counts, kept in the coordinator, refused under the HA target.")
public final class ScaleCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TYPE=COUNT", description = "New node counts.")
    List<String> counts;

    @Override
    protected int execute(CliContext cli) {
        ScaleService.ScaleReport report = CoordinatorCommands.with(cli, environment, (project, coordinator) ->
                new ScaleService(project, coordinator).scale(environment, counts, maskedArguments()));
        if (cli.json()) {
            cli.printJson(report);
            return 0;
        }
        report.changed().forEach((type, count) -> cli.out().println(environment + ": " + type + " = " + count));
        cli.info("recorded only: run 'neckbeard up " + environment + "' to launch or retire nodes");
        return 0;
    }
}
