package io.neckbeard.cli.command;

import io.neckbeard.cli.Neckbeard;
import io.neckbeard.config.testing.StandInPlugins;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Neckbeard#run} with stand-ins for plugin types whose real implementations may not
 * be built yet (a real one on the class path wins), capturing stdout, stderr and the exit code.
 */
final class ConfigCliRunner {
    private final Path pluginDir;

    ConfigCliRunner(Path temp) {
        this.pluginDir = StandInPlugins.directory(temp);
    }

    record Result(int code, String out, String err) {
    }

    /** The repository's examples/ directory (tests run in the module directory). */
    static Path example(String name) {
        return Path.of("").toAbsolutePath().getParent().resolve("examples").resolve(name);
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--plugin-path", pluginDir.toString()));
        all.addAll(List.of(args));
        int code = Neckbeard.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
