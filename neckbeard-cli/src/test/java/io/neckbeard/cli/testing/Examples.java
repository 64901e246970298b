package io.neckbeard.cli.testing;

import java.nio.file.Path;

/** The repository's runnable example projects under {@code examples/}. */
public final class Examples {
    private Examples() {
    }

    /** {@code examples/<name>}: tests run in the module directory, one below the repository root. */
    public static Path project(String name) {
        return Path.of("").toAbsolutePath().getParent().resolve("examples").resolve(name);
    }
}
