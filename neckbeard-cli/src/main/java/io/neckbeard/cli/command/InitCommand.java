package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.init.ProjectScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code neckbeard init [--app NAME] [--provider local|ec2]}: scaffolds neckbeard/ without overwriting. */
@Command(name = "init", description = "Scaffold neckbeard/ in the current project.")
public final class InitCommand extends NeckbeardCommand {

    @Option(names = "--app", paramLabel = "NAME", description = "App name (default: the project directory's name).")
    String app;

    @Option(names = "--provider", paramLabel = "PROVIDER", defaultValue = "local",
            description = "Resource provider of the first node type: local or ec2. Default: ${DEFAULT-VALUE}.")
    String provider;

    @Override
    protected int execute(CliContext cli) {
        ProjectScaffold.Scaffolded result = new ProjectScaffold().create(cli.project(), app, provider);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            result.created().forEach(file -> cli.out().println("created " + file));
            cli.info("next: neckbeard check, then neckbeard show staging");
        }
        return 0;
    }
}
