package io.neckbeard.cli.boot;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The directory the released JAR unpacks its application into, chosen like other per-user caches:
 * {@code NECKBEARD_CACHE_DIR} when set; else {@code $XDG_CACHE_HOME/neckbeard} or
 * {@code ~/.cache/neckbeard}; else, when the home cannot be written (a read-only home in a CI
 * container), {@code <java.io.tmpdir>/neckbeard-<user>}. The JVM runs code from there, so a
 * directory this program creates is the user's only (0700), and a shared temporary directory is
 * used only when it belongs to the user and nobody else may write to it.
 */
record AppCache(Path dir) {
    static final String VARIABLE = "NECKBEARD_CACHE_DIR";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    static AppCache locate(Map<String, String> environment, String home, String temporary, String user) throws IOException {
        String chosen = environment.get(VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            Path dir = Path.of(chosen).toAbsolutePath();
            try {
                return new AppCache(writable(dir));
            } catch (IOException e) {
                throw new IOException(VARIABLE + " is " + chosen + ", which cannot hold neckbeard's unpacked classes: "
                        + reason(e) + ". Point " + VARIABLE + " at a directory you can write to", e);
            }
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path preferred = (xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("neckbeard");
        try {
            return new AppCache(writable(preferred));
        } catch (IOException inHome) {
            Path fallback = Path.of(temporary, "neckbeard-" + user);
            try {
                return new AppCache(ownedBy(user, writable(fallback)));
            } catch (IOException inTemporary) {
                throw new IOException("neckbeard unpacks its classes once per version, and can write to neither " + preferred
                        + " (" + reason(inHome) + ") nor " + fallback + " (" + reason(inTemporary) + "). Set " + VARIABLE
                        + " to a directory you can write to", inTemporary);
            }
        }
    }

    /** {@code dir}, created for the user only if missing; an error if it cannot be written to. */
    private static Path writable(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("not writable");
        }
        return dir;
    }

    /** A directory under a shared temporary directory: only if it is the user's and no one else may write to it. */
    private static Path ownedBy(String user, Path dir) throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return dir;
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        String owner = attributes.owner().getName();
        if (!owner.equals(user)) {
            throw new IOException("it belongs to " + owner + ", not to " + user);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("others may write to it (" + PosixFilePermissions.toString(permissions) + ")");
        }
        return dir;
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem) {
            String reason = fileSystem.getReason();
            return fileSystem.getFile() + (reason == null ? ": cannot be created" : ": " + reason);
        }
        return e.getMessage();
    }
}
