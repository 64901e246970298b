package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.VarsService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code vars ENV [set K=V... | unset K... | get K]}: the shared config vars kept in the coordinator. */
@Command(name = "vars", description = "List, set, unset or get the shared config vars exported to the app.")
public final class VarsCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1..*", paramLabel = "[set K=V... | unset K... | get K]", hideParamSyntax = true,
            description = "The change, or the one var to print (its value only); none lists the vars' names.")
    List<String> change = new ArrayList<>();

    @Option(names = "--show-values", description = "Print values too (they are secrets more often than not).")
    boolean showValues;

    @Override
    protected int execute(CliContext cli) {
        String verb = change.isEmpty() ? null : change.get(0);
        List<String> operands = change.isEmpty() ? List.of() : change.subList(1, change.size());
        if (verb != null && (!List.of("set", "unset", "get").contains(verb) || operands.isEmpty()
                || (verb.equals("get") && operands.size() != 1))) {
            throw new NeckbeardException(ExitCode.USAGE, "expected 'set K=V...', 'unset K...' or 'get K' after " + environment,
                    "e.g. neckbeard vars " + environment + " set LOG_LEVEL=info, or neckbeard vars " + environment + " get LOG_LEVEL");
        }
        if ("get".equals(verb)) {
            return get(cli, operands.get(0));
        }
        VarsService.VarsReport report = CoordinatorCommands.with(cli, environment, (project, coordinator) -> {
            VarsService vars = new VarsService(project, coordinator);
            if (verb == null) {
                return vars.list(environment, showValues);
            }
            return verb.equals("set") ? vars.set(environment, operands, maskedArguments())
                    : vars.unset(environment, operands, maskedArguments());
        });
        if (cli.json()) {
            cli.printJson(report);
        } else if (verb != null) {
            // One line, names only: a value typed on the command line is not echoed into a terminal or CI log.
            cli.out().println(environment + ": " + verb + " " + String.join(", ", report.changed()));
            cli.info("the next 'neckbeard up " + environment + "' exports them to the app");
        } else {
            for (String name : report.names()) {
                cli.out().println(report.values() == null ? name : name + "=" + report.values().get(name));
            }
        }
        return 0;
    }

    /** The value alone on stdout (for {@code $(neckbeard vars prod get DATABASE_URL)}). */
    private int get(CliContext cli, String name) {
        String value = CoordinatorCommands.with(cli, environment,
                (project, coordinator) -> new VarsService(project, coordinator).get(environment, name));
        if (cli.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("environment", environment);
            result.put("name", name);
            result.put("value", value);
            cli.printJson(result);
        } else {
            cli.out().println(value);
        }
        return 0;
    }
}
