package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.engine.PackageService;
import io.neckbeard.packager.PackageResult;
import picocli.CommandLine.Command;

/** {@code neckbeard package}: builds the slug; JSON {@code {"slug", "digest", "id", "rebuilt"}}. */
@Command(name = "package", description = "Build the slug with the configured packager (reused when the inputs did not change).")
public final class PackageCommand extends NeckbeardCommand {
    @Override
    protected int execute(CliContext cli) {
        PackageResult result = new PackageService(new ConfigLoader(cli.plugins()), cli.plugins()).build(cli.project());
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out().println(result.slug());
            cli.out().println("digest:  " + result.digest());
            cli.out().println("release: " + result.id() + (result.rebuilt() ? " (built)" : " (unchanged, reused)"));
        }
        return 0;
    }
}
