package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.engine.LockService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lock status ENV}: who holds the lock, since when, until when, and whether it is stale. */
@Command(name = "status", description = "Who holds the environment's lock.")
public final class LockStatusCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Override
    protected int execute(CliContext cli) {
        LockService.LockReport report = CoordinatorCommands.with(cli, environment,
                (project, coordinator) -> new LockService(project, coordinator).status(environment));
        if (cli.json()) {
            cli.printJson(report);
        } else if (report.lock() == null) {
            cli.out().println(environment + " is not locked");
        } else {
            cli.out().println(environment + " is locked by " + describe(report.lock()));
        }
        return 0;
    }

    static String describe(LockService.LockView lock) {
        return lock.holder() + " (pid " + lock.pid() + ", '" + lock.command() + "') since " + lock.acquiredAt()
                + ", expires " + lock.expiresAt() + (lock.stale() ? " [stale: its holder is gone or it expired]" : "");
    }
}
