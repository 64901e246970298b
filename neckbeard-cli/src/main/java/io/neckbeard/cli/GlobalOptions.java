package io.neckbeard.cli;

import io.neckbeard.config.ConfigLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import io.neckbeard.core.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The global options of docs/commands.md: every command takes them, before or after its name. */
public final class GlobalOptions {

    public enum OutputFormat { text, json }

    @Option(names = {"-C", "--project"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Project directory (holds neckbeard/config.yml). Default: the nearest directory holding "
                    + "neckbeard/config.yml, from the current one up.")
    Path project;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    OutputFormat output = OutputFormat.text;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail on stderr, and stack traces for errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Only errors on stderr.")
    boolean quiet;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No ANSI colours.")
    boolean noColor;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT,
            description = "Answer yes to confirmations (required when stdin is not a terminal and a command asks).")
    boolean yes;

    @Option(names = "--plugin-path", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Extra directory of plugin JARs (besides ~/.neckbeard/plugins/).")
    List<Path> pluginPath = new ArrayList<>();

    @Option(names = "--lock-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "How long to wait for an environment's lock held by someone else (e.g. 30s, 5m), "
                    + "then exit 3 naming the holder. Default: 0, exit 3 at once.")
    String lockTimeout = "0";

    /** The project: {@code -C} as given, else found from the current directory up (as git finds its repository). */
    public Path project() {
        return project != null ? project.toAbsolutePath().normalize() : ConfigLoader.findProjectRoot(Path.of(""));
    }

    /** The directory as given: {@code -C}, else the current directory (where {@code init} scaffolds). */
    public Path directory() {
        return (project != null ? project : Path.of("")).toAbsolutePath().normalize();
    }

    public boolean json() {
        return output == OutputFormat.json;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean noColor() {
        return noColor;
    }

    public boolean yes() {
        return yes;
    }

    /** {@code --lock-timeout}; exit 2 when it is not a duration. */
    public Duration lockTimeout() {
        return Durations.parse(lockTimeout, "--lock-timeout");
    }

    public List<Path> pluginPath() {
        return List.copyOf(pluginPath);
    }
}
