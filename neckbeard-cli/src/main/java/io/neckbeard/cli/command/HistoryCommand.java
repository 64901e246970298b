package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.TextTable;
import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.engine.HistoryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code history ENV [--limit N]}: the audit trail, newest first. */
@Command(name = "history", description = "The audit trail of an environment, newest first.")
public final class HistoryCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--limit", paramLabel = "N", description = "How many entries. Default: ${DEFAULT-VALUE}.")
    int limit = HistoryService.DEFAULT_LIMIT;

    @Override
    protected int execute(CliContext cli) {
        HistoryService.History history = CoordinatorCommands.with(cli, environment,
                (project, coordinator) -> new HistoryService(project, coordinator).history(environment, limit));
        if (cli.json()) {
            cli.printJson(history);
            return 0;
        }
        if (history.entries().isEmpty()) {
            cli.out().println("no history for " + environment + " yet");
            return 0;
        }
        TextTable table = new TextTable("WHEN", "WHO", "COMMAND", "GENERATION", "RESULT", "DURATION");
        for (AuditEntry entry : history.entries()) {
            table.row(entry.at(), entry.user() + "@" + entry.host(),
                    entry.arguments().isEmpty() ? entry.command() : String.join(" ", entry.arguments()),
                    entry.generation(), entry.result(), entry.duration().toMillis() / 1000.0 + "s");
        }
        table.print(cli.out(), "");
        return 0;
    }
}
