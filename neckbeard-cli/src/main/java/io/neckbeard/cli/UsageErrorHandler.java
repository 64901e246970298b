package io.neckbeard.cli;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        String message = String.valueOf(exception.getMessage()).replaceFirst("^Error: ", "");
        String remedy = "see '" + commandLine.getCommandSpec().qualifiedName() + " --help'";
        commandLine.getErr().println("error: " + message);
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(exception, commandLine.getErr())) {
            commandLine.getErr().println("  fix: " + remedy);
        }
        if (options.get().json() || asksForJson(args)) {
            NeckbeardException failure = new NeckbeardException(ExitCode.USAGE, message, remedy);
            commandLine.getOut().println(Json.mapper().valueToTree(Map.of("error", ErrorHandler.describe(failure))));
        }
        return ExitCode.USAGE.code();
    }

    /** Parsing may stop before it reaches {@code -o json}; a CI step still gets its one JSON document. */
    private static boolean asksForJson(String[] args) {
        List<String> all = Arrays.asList(args);
        for (int i = 0; i < all.size(); i++) {
            String arg = all.get(i);
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("-ojson") || arg.equals("--output=json")
                    || ((arg.equals("-o") || arg.equals("--output")) && i + 1 < all.size() && all.get(i + 1).equals("json"))) {
                return true;
            }
        }
        return false;
    }
}
