package io.neckbeard.transport.ssh;

import io.neckbeard.transport.NodeFile;
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
        TarArchiveOutputStream tar = open(out);
        writeTree(tar, root, "");
        tar.finish();
        tar.close();
    }

    /**
     * The files of a {@link io.neckbeard.transport.Transport#put}: the {@code i}-th as entry {@code i} (a file, with the
     * mode it gets on the node, or a tree under {@code i/}); an empty directory has no entry.
     */
    static void write(List<NodeFile> files, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = open(out);
        for (int i = 0; i < files.size(); i++) {
            NodeFile file = files.get(i);
            String name = Integer.toString(i);
            if (file.content() != null) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | file.mode());
                entry.setSize(file.content().length);
                tar.putArchiveEntry(entry);
                tar.write(file.content());
                tar.closeArchiveEntry();
            } else if (file.local() != null && Files.isDirectory(file.local())) {
                writeEntry(tar, file.local(), name);
                writeTree(tar, file.local(), name + "/");
            } else if (file.local() != null) {
                writeEntry(tar, file.local(), name);
            }
        }
        tar.finish();
        tar.close();
    }

    private static TarArchiveOutputStream open(OutputStream out) {
        // Not closed: closing would close the channel's stdin, which the caller does after the end marker.
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    private static void writeTree(TarArchiveOutputStream tar, Path root, String prefix) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> !p.equals(root)).sorted().toList();
        }
        for (Path path : paths) {
            writeEntry(tar, path, prefix + root.relativize(path).toString().replace('\\', '/'));
        }
    }

    private static void writeEntry(TarArchiveOutputStream tar, Path path, String name) throws IOException {
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
