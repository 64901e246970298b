package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.engine.LockService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code lock release ENV [--force]}: releases a stale lock, or with {@code --force} breaks any
 * lock, even one whose record cannot be read. JSON: {@code {"environment", "released": lock or null,
 * "damaged": what was wrong with a removed lock record that could not be read, or null}}.
 */
@Command(name = "release", description = "Release a stale lock; --force breaks a live one (audited).")
public final class LockReleaseCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--force", description = "Break the lock even though its holder may still be running.")
    boolean force;

    @Override
    protected int execute(CliContext cli) {
        LockService.LockReport report = CoordinatorCommands.with(cli, environment, (project, coordinator) ->
                new LockService(project, coordinator).release(environment, force, maskedArguments()));
        if (cli.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("environment", environment);
            json.put("released", report.lock());
            json.put("damaged", report.damaged());
            cli.printJson(json);
        } else if (report.damaged() != null) {
            cli.out().println("removed the lock file of " + environment + ", which could not be read: " + report.damaged());
        } else if (report.lock() == null) {
            cli.out().println(environment + " was not locked; nothing to release");
        } else {
            cli.out().println("released the lock of " + environment + " held by " + LockStatusCommand.describe(report.lock()));
        }
        return 0;
    }
}
