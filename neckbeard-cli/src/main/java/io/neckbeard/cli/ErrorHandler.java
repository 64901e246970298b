package io.neckbeard.cli;

import io.neckbeard.config.ConfigException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.Problem;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place failures become exit codes and messages. A {@link NeckbeardException}
 * prints its message and remedy; anything else is a bug and says so (exit 70, code {@code internal}). Stack traces only with
 * {@code --verbose}. With {@code -o json}, stdout still gets one JSON document: {@code {"error": ...}}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private final Supplier<CliContext> context;

    ErrorHandler(Supplier<CliContext> context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        CliContext cli = context.get();
        NeckbeardException failure = exception instanceof NeckbeardException known ? known : internal(exception);
        cli.err().println("error: " + failure.getMessage());
        if (failure.remedy() != null) {
            cli.err().println("  fix: " + failure.remedy());
        }
        if (cli.options().verbose()) {
            exception.printStackTrace(cli.err());
        }
        if (cli.json()) {
            cli.printJson(Map.of("error", describe(failure)));
        }
        cli.err().flush();
        return failure.exitCode().code();
    }

    /** An exception nobody expected is a bug (in neckbeard or a plugin), not a failed operation: exit 70. */
    private static NeckbeardException internal(Exception bug) {
        String message = bug.getMessage() == null ? bug.getClass().getName() : bug.getMessage();
        return new NeckbeardException(ExitCode.INTERNAL, "internal error: " + message,
                "this is a bug in neckbeard or a plugin: rerun with -v and report it with the output", bug);
    }

    static Map<String, Object> describe(NeckbeardException failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", failure.code());
        error.put("message", failure.getMessage());
        error.put("remedy", failure.remedy());
        error.put("exit_code", failure.exitCode().code());
        if (failure instanceof ConfigException config) {
            List<Map<String, Object>> problems = config.problems().stream().map(ErrorHandler::describe).toList();
            error.put("problems", problems);
        }
        return error;
    }

    private static Map<String, Object> describe(Problem problem) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", problem.file().toString());
        out.put("line", problem.line());
        out.put("column", problem.column());
        out.put("key", problem.keyPath());
        out.put("message", problem.message());
        out.put("fix", problem.fix());
        return out;
    }
}
