package io.neckbeard.packager.tarball;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** {@code .neckbeard/manifest.json} inside a slug. */
record Manifest(String app, String digest, Instant createdAt, List<File> files) {
    /** One packed entry: its path in the slug, its content digest and whether it is executable; or a link and its target. */
    record File(String path, @JsonInclude(JsonInclude.Include.NON_NULL) String sha256, boolean executable,
                @JsonInclude(JsonInclude.Include.NON_NULL) String link) {
    }

    static final String PATH = ".neckbeard/manifest.json";
}
