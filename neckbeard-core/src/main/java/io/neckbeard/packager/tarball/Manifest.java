package io.neckbeard.packager.tarball;

import java.time.Instant;
import java.util.List;

/** {@code .neckbeard/manifest.json} inside a slug. */
record Manifest(String app, String digest, Instant createdAt, List<File> files) {
    /** One packed file: its path in the slug, its content digest and whether it is executable. */
    record File(String path, String sha256, boolean executable) {
    }

    static final String PATH = ".neckbeard/manifest.json";
}
