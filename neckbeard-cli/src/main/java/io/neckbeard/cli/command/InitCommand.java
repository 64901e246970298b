package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.init.ProjectScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code neckbeard init [--app NAME] [--provider local|ec2]}: scaffolds neckbeard/ without
 * overwriting. On a terminal, what the options leave open is asked for; elsewhere the defaults apply.
 */
@Command(name = "init", description = "Scaffold neckbeard/ in the current project.")
public final class InitCommand extends NeckbeardCommand {

    @Option(names = "--app", paramLabel = "NAME", description = "App name (default: the project directory's name).")
    String app;

    @Option(names = "--provider", paramLabel = "PROVIDER",
            description = "Resource provider of the first node type: local or ec2. Default: local.")
    String provider;

    @Override
    protected int execute(CliContext cli) {
        String appName = app != null ? app : cli.ask("App name?", ProjectScaffold.defaultAppName(cli.options().directory()));
        String providerType = provider != null ? provider : cli.ask("Resource provider (local or ec2)?", "local");
        ProjectScaffold.Scaffolded result = new ProjectScaffold().create(cli.options().directory(), appName, providerType);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            result.created().forEach(file -> cli.out().println("created " + file));
            cli.info("next: neckbeard check, then neckbeard show staging");
        }
        return 0;
    }
}
