package io.neckbeard.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory-tree copy and removal (local nodes, provisioning bundles), and paths built from names. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Copies {@code source} into {@code target} (created), keeping file attributes, replacing files that exist. */
    public static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Removes {@code root} and everything below it; a missing root is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * {@code root} with {@code names} appended, verified to lie strictly below {@code root} both as
     * written (no {@code ..} or absolute name leads out) and on disk (no symbolic link on the way
     * leads out). Every path built from a configured or recorded name goes through here before
     * anything is written or deleted there.
     *
     * @throws NeckbeardException exit 4 when the path would leave {@code root}
     */
    public static Path within(Path root, String... names) {
        Path base = root.toAbsolutePath().normalize();
        Path path = base;
        for (String name : names) {
            path = path.resolve(name);
        }
        path = path.normalize();
        if (path.equals(base) || !path.startsWith(base) || !staysBelow(path, base)) {
            throw new NeckbeardException(ExitCode.REFUSED, "refusing to use " + path + ": it is not inside " + base
                    + " (built from the name " + String.join("/", names) + ")",
                    "in names of environments, node types and nodes, " + Names.RULE
                            + "; remove any symbolic link under " + base + " that points elsewhere");
        }
        return path;
    }

    /** Whether {@code path} is below {@code base} once symbolic links are resolved; false when a dangling link is in the way. */
    private static boolean staysBelow(Path path, Path base) {
        try {
            return real(path).startsWith(real(base));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code path} with symbolic links resolved in the part that exists; the rest as written. */
    private static Path real(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
    }
}
