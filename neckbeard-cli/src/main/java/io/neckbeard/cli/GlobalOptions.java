package io.neckbeard.cli;

import io.neckbeard.config.ConfigLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of DESIGN §4 that every command takes, before or after the command name. */
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

    public List<Path> pluginPath() {
        return List.copyOf(pluginPath);
    }
}
