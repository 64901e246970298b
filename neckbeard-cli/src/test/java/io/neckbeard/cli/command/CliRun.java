package io.neckbeard.cli.command;

import io.neckbeard.cli.Neckbeard;
import io.neckbeard.config.testing.StandInPlugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One in-process run of the CLI: exit code, stdout, stderr. */
record CliRun(int exit, String out, String err) {

    /**
     * Runs {@code neckbeard -C project --plugin-path <stand-ins> args...}: the stand-ins let the
     * configuration name plugin types (tarball, shell, ...) whose real implementations live in other modules.
     */
    static CliRun run(Path project, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path standIns = StandInPlugins.directory(project.resolveSibling(project.getFileName() + "-plugins"));
        List<String> all = new ArrayList<>(List.of("-C", project.toString(), "--plugin-path", standIns.toString()));
        all.addAll(List.of(args));
        int exit = Neckbeard.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Copies test resource directory {@code projects/<name>} into {@code target}; returns target. */
    static Path project(String name, Path target) {
        try {
            Path source = Path.of(CliRun.class.getClassLoader().getResource("projects/" + name).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
