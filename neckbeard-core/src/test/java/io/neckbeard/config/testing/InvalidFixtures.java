package io.neckbeard.config.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The invalid-configuration fixtures under {@code src/test/resources/invalid/<case>/}: a project
 * plus {@code expected.properties} naming the problem it must produce. Copied out of the
 * class path (a directory or this module's test JAR) so any module can run them as real files.
 */
public final class InvalidFixtures {
    private InvalidFixtures() {
    }

    /**
     * One fixture: its project directory and the problem expected (line/column 0: not asserted).
     *
     * @param key the problem's dotted key path, or null when not asserted
     * @param fix a part of the problem's fix, or null when not asserted
     */
    public record Fixture(String name, Path root, String file, int line, int column, String message, String key, String fix) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Fixture> copyTo(Path target) {
        try {
            URI uri = InvalidFixtures.class.getResource("/invalid").toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copy(jar.getPath("/invalid"), target);
                }
            } else {
                copy(Path.of(uri), target);
            }
            try (Stream<Path> cases = Files.list(target)) {
                return cases.sorted().map(InvalidFixtures::fixture).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path from : all.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    private static Fixture fixture(Path dir) {
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("expected.properties"))) {
            expected.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixture(dir.getFileName().toString(), dir, expected.getProperty("file"),
                Integer.parseInt(expected.getProperty("line")), Integer.parseInt(expected.getProperty("column")),
                expected.getProperty("message"), expected.getProperty("key"), expected.getProperty("fix"));
    }
}
