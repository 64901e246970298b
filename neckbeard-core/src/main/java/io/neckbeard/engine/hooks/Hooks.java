package io.neckbeard.engine.hooks;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import io.neckbeard.transport.local.LocalTransport;

import java.nio.file.Path;
import java.time.Duration;
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
    /** A hook is a quick local step (a check, a notification); one that hangs must not hold the lock forever. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

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

    /**
     * Runs {@code before_<command>}; the first failing hook aborts the command (exit 1).
     *
     * @return whether any hook ran (what the command saw before may have changed meanwhile)
     */
    public boolean before(String command, long generation) {
        String name = "before_" + command;
        List<String> commands = hooks.apply(name);
        for (String hook : commands) {
            int exit = run(name, hook, Map.of("NECKBEARD_ENV", environment, "NECKBEARD_GENERATION",
                    Long.toString(generation), "NECKBEARD_COMMAND", command));
            if (exit != 0) {
                throw new NeckbeardException(ExitCode.FAILED, "hook " + name + " of " + environment + " failed (exit " + exit
                        + "): " + hook + "; nothing was done",
                        "fix the hook (its output is above) or remove it from hooks." + name + " in the environment's file");
            }
        }
        return !commands.isEmpty();
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
        return new LocalTransport(projectRoot, "hook " + name, variables)
                .run(hook, Map.of(), TIMEOUT, line -> output.accept("  " + line)).exitCode();
    }
}
