package io.neckbeard.health.command;

import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.TransportException;

import java.time.Duration;
import java.util.Map;

/** One run of the configured command on the node. */
final class CommandHealthCheck implements HealthCheck {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final String command;

    CommandHealthCheck(String command) {
        this.command = command;
    }

    @Override
    public HealthResult check(HealthTarget target) {
        try {
            CommandResult result = target.transport().run(command, Map.of(), COMMAND_TIMEOUT, line -> { });
            String detail = "exit " + result.exitCode() + (result.outputTail().isBlank() ? "" : ": " + lastLine(result.outputTail()));
            return result.succeeded() ? HealthResult.healthy(detail) : HealthResult.unhealthy(detail);
        } catch (TransportException e) {
            return HealthResult.unhealthy(e.getMessage());
        }
    }

    private static String lastLine(String tail) {
        String[] lines = tail.strip().split("\n");
        return lines[lines.length - 1];
    }
}
