package io.neckbeard.transport;

import java.nio.file.Path;

/**
 * One thing {@link Transport#put} puts on a node at an absolute {@code path}: a copy of a local
 * file or directory tree (as {@link Transport#upload}), bytes with a mode (as
 * {@link Transport#write}: the way for secrets, mode 0600), or an empty directory that replaces
 * whatever was there.
 *
 * @param local   the file or tree to copy, or null
 * @param content the bytes to write, or null
 * @param mode    the POSIX mode of {@code content}
 */
public record NodeFile(String path, Path local, byte[] content, int mode) {
    public NodeFile {
        if (local != null && content != null) {
            throw new IllegalArgumentException("a node file is a copy or bytes, not both: " + path);
        }
    }

    public static NodeFile copy(Path local, String path) {
        return new NodeFile(path, local, null, 0);
    }

    public static NodeFile bytes(String path, byte[] content, int mode) {
        return new NodeFile(path, null, content.clone(), mode);
    }

    /** An empty directory at {@code path}: what was there before is removed. */
    public static NodeFile emptyDirectory(String path) {
        return new NodeFile(path, null, null, 0);
    }

    public boolean isEmptyDirectory() {
        return local == null && content == null;
    }

    /** The directory {@code path} goes into. */
    public String parent() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
