package io.neckbeard.transport.ssh;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A directory tree as a tar stream (paths relative to the tree, POSIX modes kept), for {@code tar -xf -} on the node. */
final class TarStream {
    private TarStream() {
    }

    static void write(Path root, OutputStream out) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> !p.equals(root)).sorted().toList();
        }
        // Not closed: closing would close the channel's stdin, which the caller does after the end marker.
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Path path : paths) {
            String name = root.relativize(path).toString().replace('\\', '/');
            boolean directory = Files.isDirectory(path);
            TarArchiveEntry entry = new TarArchiveEntry(directory ? name + "/" : name);
            entry.setMode((directory ? TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 : TarArchiveEntry.DEFAULT_FILE_MODE & ~0777) | mode(path));
            if (!directory) {
                entry.setSize(Files.size(path));
            }
            tar.putArchiveEntry(entry);
            if (!directory) {
                Files.copy(path, tar);
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.close();
    }

    /** The file's POSIX permission bits, e.g. 0644. */
    static int mode(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        int mode = 0;
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if (permissions.contains(permission)) {
                mode |= 0400 >> permission.ordinal();
            }
        }
        return mode;
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
