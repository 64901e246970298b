package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.coordinator.VarsService;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code vars ENV [set K=V... | unset K...]}: the shared config vars kept in the coordinator. */
@Command(name = "vars", description = "List, set or unset the shared config vars exported to the app.")
public final class VarsCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1..*", paramLabel = "set K=V...|unset K...", description = "The change; none lists the vars.")
    List<String> change = new ArrayList<>();

    @Option(names = "--show-values", description = "Print values too (they are secrets more often than not).")
    boolean showValues;

    @Override
    protected int execute(CliContext cli) {
        VarsService.VarsReport report = CoordinatorCommands.with(cli, environment, (project, coordinator) -> {
            VarsService vars = new VarsService(project, coordinator);
            if (change.isEmpty()) {
                return vars.list(environment, showValues);
            }
            List<String> operands = change.subList(1, change.size());
            if (operands.isEmpty() || !List.of("set", "unset").contains(change.get(0))) {
                throw new NeckbeardException(ExitCode.USAGE, "expected 'set K=V...' or 'unset K...' after " + environment,
                        "e.g. neckbeard vars " + environment + " set LOG_LEVEL=info");
            }
            return change.get(0).equals("set") ? vars.set(environment, operands, maskedArguments())
                    : vars.unset(environment, operands, maskedArguments());
        });
        if (cli.json()) {
            cli.printJson(report);
            return 0;
        }
        if (!change.isEmpty()) {
            cli.info("vars of " + environment + " " + change.get(0) + "; the next 'neckbeard up " + environment
                    + "' exports them to the app");
        }
        for (String name : report.names()) {
            cli.out().println(report.values() == null ? name : name + "=" + report.values().get(name));
        }
        return 0;
    }
}
