package io.neckbeard.packager.tarball;

import java.nio.file.Path;

/**
 * One entry of a slug: a file, or a symbolic link that stays inside the slug.
 *
 * @param path   relative to the project root, with {@code /} separators (the name inside the tar)
 * @param file   where the content is read from; null for a link
 * @param sha256 hex digest of the content; null for a link
 * @param link   a link's target, relative to the link's directory; null for a file
 */
record SlugInput(String path, Path file, boolean executable, long size, String sha256, String link) {
    static SlugInput file(String path, Path file, boolean executable, long size, String sha256) {
        return new SlugInput(path, file, executable, size, sha256, null);
    }

    static SlugInput link(String path, String target) {
        return new SlugInput(path, null, false, 0, null, target);
    }
}
