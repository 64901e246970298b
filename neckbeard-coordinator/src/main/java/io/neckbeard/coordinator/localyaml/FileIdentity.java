package io.neckbeard.coordinator.localyaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * Tells whether a file is still the one read before. Every write replaces the file by a rename,
 * so a new write means a new file key (inode) as well as a new size or modification time.
 */
record FileIdentity(Object fileKey, long size, FileTime modified) {

    /** The identity of {@code file}, or empty when it does not exist. */
    static Optional<FileIdentity> of(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileIdentity(attributes.fileKey() == null ? file : attributes.fileKey(),
                    attributes.size(), attributes.lastModifiedTime()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
