package io.neckbeard.packager.tarball;

import java.nio.file.Path;

/**
 * One file packed into a slug.
 *
 * @param path       relative to the project root, with {@code /} separators (the name inside the tar)
 * @param sha256     hex digest of the content
 */
record SlugInput(String path, Path file, boolean executable, long size, String sha256) {
}
