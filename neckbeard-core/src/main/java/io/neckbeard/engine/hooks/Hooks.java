package io.neckbeard.engine.hooks;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs an environment's {@code hooks.before_<command>} / {@code hooks.after_<command>} locally,
 * each with {@code /bin/sh -c} in the project root, with {@code NECKBEARD_ENV},
 * {@code NECKBEARD_GENERATION}, {@code NECKBEARD_COMMAND} (and {@code NECKBEARD_RESULT} after).
 */
public final class Hooks {
    private final Path projectRoot;
    private final String environment;
    private final Function<String, List<String>> hooks;
    private final Consumer<String> output;

    /**
     * @param hooks  hook name ({@code before_up}) to its commands, e.g. {@code EnvironmentSpec::hook}
     * @param output receives every output line of the hooks (the CLI puts them on stderr)
     */
    public Hooks(Path projectRoot, String environment, Function<String, List<String>> hooks, Consumer<String> output) {
        this.projectRoot = projectRoot;
        this.environment = environment;
        this.hooks = hooks;
        this.output = output;
    }

    /** Runs {@code before_<command>}; the first failing hook aborts the command (exit 1). */
    public void before(String command, long generation) {
        String name = "before_" + command;
        for (String hook : hooks.apply(name)) {
            int exit = run(name, hook, Map.of("NECKBEARD_ENV", environment, "NECKBEARD_GENERATION",
                    Long.toString(generation), "NECKBEARD_COMMAND", command));
            if (exit != 0) {
                throw new NeckbeardException(ExitCode.FAILED, "hook " + name + " of " + environment + " failed (exit " + exit
                        + "): " + hook + "; nothing was done",
                        "fix the hook (its output is above) or remove it from hooks." + name + " in the environment's file");
            }
        }
    }

    /**
     * Runs {@code after_<command>}. The command has already happened, so a failing hook does not
     * change its outcome: it is reported on the output and the remaining hooks still run.
     */
    public void after(String command, long generation, String result) {
        String name = "after_" + command;
        for (String hook : hooks.apply(name)) {
            int exit = run(name, hook, Map.of("NECKBEARD_ENV", environment, "NECKBEARD_GENERATION",
                    Long.toString(generation), "NECKBEARD_COMMAND", command, "NECKBEARD_RESULT", result));
            if (exit != 0) {
                output.accept("warning: hook " + name + " failed (exit " + exit + "): " + hook);
            }
        }
    }

    private int run(String name, String hook, Map<String, String> variables) {
        output.accept("hook " + name + ": " + hook);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", hook)
                .directory(projectRoot.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(variables);
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> output.accept("  " + line));
            }
            return process.waitFor();
        } catch (IOException e) {
            throw new NeckbeardException(ExitCode.FAILED, "cannot run hook " + name + " (" + hook + "): " + e.getMessage(),
                    "check that /bin/sh exists and the project directory " + projectRoot + " is readable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while running hook " + name, null, e);
        }
    }
}
