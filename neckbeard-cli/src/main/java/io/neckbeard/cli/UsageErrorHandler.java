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
        CommandSynonyms.Suggestion meaning = meaning(exception);
        if (meaning != null) {
            message = meaning.message();
            remedy = meaning.fix();
        }
        commandLine.getErr().println("error: " + message);
        if (meaning != null || !CommandLine.UnmatchedArgumentException.printSuggestions(exception, commandLine.getErr())) {
            commandLine.getErr().println("  fix: " + remedy);
        }
        if (options.get().json() || asksForJson(args)) {
            NeckbeardException failure = new NeckbeardException(ExitCode.USAGE, message, remedy);
            commandLine.getOut().println(Json.mapper().valueToTree(Map.of("error", ErrorHandler.describe(failure))));
        }
        return ExitCode.USAGE.code();
    }

    /** What an unknown command word at the top level means here ({@code deploy}: {@code up}), or null. */
    private static CommandSynonyms.Suggestion meaning(CommandLine.ParameterException exception) {
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && exception.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty()) {
            return CommandSynonyms.of(unmatched.getUnmatched().get(0));
        }
        return null;
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
