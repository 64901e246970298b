package io.neckbeard.testing;

import io.neckbeard.core.FileTrees;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

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
        FileTrees.copyTree(source, target);
        return target;
    }
}
