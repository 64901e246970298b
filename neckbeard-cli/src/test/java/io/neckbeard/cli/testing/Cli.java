package io.neckbeard.cli.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.Neckbeard;
import io.neckbeard.cli.StandardInput;
import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.core.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI run in-process through {@link Neckbeard#run}, as every CLI test drives it: global options
 * given once (such as {@code -C project}), then one {@link Run} per command with its exit code,
 * stdout and stderr.
 */
public final class Cli {
    private final List<String> globalOptions;

    private Cli(List<String> globalOptions) {
        this.globalOptions = List.copyOf(globalOptions);
    }

    /** Puts {@code globalOptions} before the arguments of every run, e.g. {@code Cli.with("-C", project.toString())}. */
    public static Cli with(String... globalOptions) {
        return new Cli(List.of(globalOptions));
    }

    /**
     * Also passes {@code --plugin-path} with neckbeard-core's validate-only stand-ins (written under
     * {@code parent}), for configurations naming a type no module implements, such as {@code testcloud}.
     * A real implementation on the class path still wins over its stand-in.
     */
    public static Cli withStandInPlugins(Path parent, String... globalOptions) {
        List<String> options = new ArrayList<>(List.of("--plugin-path", StandInPlugins.directory(parent).toString()));
        options.addAll(List.of(globalOptions));
        return new Cli(options);
    }

    public Run run(String... args) {
        return run(StandardInput.none(), args);
    }

    /** Runs with {@code input} as standard input, as a pipe gives it. */
    public Run runWithInput(String input, String... args) {
        return run(new StandardInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))), args);
    }

    private Run run(StandardInput in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(globalOptions);
        all.addAll(List.of(args));
        int exit = Neckbeard.run(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One finished run of the CLI. */
    public record Run(int exit, String out, String err) {
        /** Stdout as the exactly one JSON document {@code -o json} promises; anything else fails the test. */
        public JsonNode json() {
            try {
                return Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(out);
            } catch (JsonProcessingException e) {
                throw new AssertionError("stdout is not one JSON document (exit " + exit + ", stderr: " + err + "):\n" + out, e);
            }
        }
    }
}
