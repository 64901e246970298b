package io.neckbeard.cli;

import io.neckbeard.core.ExitCode;
import picocli.CommandLine;

import java.util.function.Supplier;

/** Bad options or arguments: the message and the command's usage on stderr, exit 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    private final Supplier<GlobalOptions> options;

    UsageErrorHandler(Supplier<GlobalOptions> options) {
        this.options = options;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        commandLine.getErr().println("error: " + exception.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(exception, commandLine.getErr())) {
            commandLine.getErr().println("  fix: see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
        }
        if (options.get().json()) {
            commandLine.getOut().println("{\"error\": {\"message\": " + quote(exception.getMessage())
                    + ", \"exit_code\": " + ExitCode.USAGE.code() + "}}");
        }
        return ExitCode.USAGE.code();
    }

    private static String quote(String text) {
        return io.neckbeard.core.Json.mapper().valueToTree(text == null ? "" : text).toString();
    }
}
