package io.neckbeard.packager;

import java.nio.file.Path;

/**
 * A packed application: a tar.gz holding the app, a {@code Procfile} and a manifest
 * ({@code .neckbeard/manifest.json}: app, digest, created_at, files).
 *
 * @param digest {@code sha256:<hex>} over the packed inputs; equal inputs give an equal digest
 * @param id     short, file-name-safe release id derived from the digest (first 12 hex digits)
 */
public record Slug(Path file, String digest, String id) {
}
