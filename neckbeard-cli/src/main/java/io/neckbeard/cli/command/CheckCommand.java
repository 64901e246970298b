package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.config.CheckService;
import io.neckbeard.config.ConfigException;
import io.neckbeard.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code neckbeard check [ENV...]}: every configuration problem at once, exit 2; or a one-line summary. */
@Command(name = "check", description = "Validate the configuration (all environments when none named).")
public final class CheckCommand extends NeckbeardCommand {

    @Parameters(paramLabel = "ENV", arity = "0..*", description = "Environments to check (default: all).")
    List<String> environments = new ArrayList<>();

    @Override
    protected int execute(CliContext cli) {
        CheckService.CheckResult result = new CheckService(ConfigLoader.forCheck(cli.plugins())).check(cli.project(), environments);
        if (!result.ok()) {
            // the one error shape of every command: exit 2, code config_invalid, each problem at its file:line
            throw new ConfigException(result.problems());
        }
        if (cli.json()) {
            cli.printJson(result);
        } else {
            int count = result.environments().size();
            cli.out().println("ok: " + count + (count == 1 ? " environment, " : " environments, ") + result.nodes()
                    + (result.nodes() == 1 ? " node" : " nodes") + " checked");
        }
        return 0;
    }
}
