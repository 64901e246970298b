package io.neckbeard.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a fixture directory from {@code src/test/resources} into a test's temporary directory. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path copy(String fixture, Path target) throws IOException {
        Path source;
        try {
            source = Path.of(Fixtures.class.getResource("/" + fixture).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(fixture, e);
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
