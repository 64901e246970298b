package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.TextTable;
import io.neckbeard.engine.ScaleService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code scale ENV [TYPE=COUNT...]}: shows, or records, node counts; the next {@code up} launches or retires nodes. */
@Command(name = "scale", description = "Show node counts and where they come from, or change them (kept in the "
        + "coordinator, refused under the HA target).")
public final class ScaleCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TYPE=COUNT", description = "New node counts; none shows the current ones.")
    List<String> counts = new ArrayList<>();

    @Override
    protected int execute(CliContext cli) {
        if (counts.isEmpty()) {
            return show(cli);
        }
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

    private int show(CliContext cli) {
        ScaleService.CurrentCounts current = CoordinatorCommands.with(cli, environment, (project, coordinator) ->
                new ScaleService(project, coordinator).current(environment));
        if (cli.json()) {
            cli.printJson(current);
            return 0;
        }
        TextTable table = new TextTable("TYPE", "COUNT", "SOURCE");
        current.types().forEach(type -> table.row(type.type(), type.count(), type.source()));
        table.print(cli.out(), "");
        return 0;
    }
}
