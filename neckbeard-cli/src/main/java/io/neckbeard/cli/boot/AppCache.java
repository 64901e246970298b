package io.neckbeard.cli.boot;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;

/**
 * The directory the released JAR unpacks its application into, chosen like other per-user caches:
 * {@code NECKBEARD_CACHE_DIR} when set; else {@code $XDG_CACHE_HOME/neckbeard} or
 * {@code ~/.cache/neckbeard} ({@code $HOME}, else the account's home); else, when there is no home
 * or it cannot be written (a read-only home in a CI container),
 * {@code <java.io.tmpdir>/neckbeard-<user>}. The JVM runs code from there, so a
 * directory this program creates is the user's only (0700), and a shared temporary directory is
 * used only when it belongs to the user and nobody else may write to it.
 */
record AppCache(Path dir) {
    static final String VARIABLE = "NECKBEARD_CACHE_DIR";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    static AppCache locate(Map<String, String> environment, String accountHome, String temporary, String user) throws IOException {
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
        Path preferred = inHome(environment, accountHome);
        IOException notInHome;
        try {
            if (preferred == null) {
                throw new IOException("HOME is not set, and the account's home directory is " + accountHome);
            }
            return new AppCache(writable(preferred));
        } catch (IOException e) {
            notInHome = e;
        }
        Path fallback = Path.of(temporary, "neckbeard-" + user);
        try {
            return new AppCache(ownedByThisUser(writable(fallback)));
        } catch (IOException inTemporary) {
            throw new IOException("neckbeard unpacks its classes once per version, and can write to neither "
                    + (preferred == null ? "a cache in the home directory" : preferred) + " (" + reason(notInHome) + ") nor "
                    + fallback + " (" + reason(inTemporary) + "). Set " + VARIABLE + " to a directory you can write to", inTemporary);
        }
    }

    /**
     * {@code $XDG_CACHE_HOME/neckbeard}, else {@code .cache/neckbeard} in {@code $HOME} or the account's home;
     * null without an absolute one (a container's user with no account has the home "?", which must not
     * become a directory under the current one).
     */
    private static Path inHome(Map<String, String> environment, String accountHome) {
        Path xdg = absolute(environment.get("XDG_CACHE_HOME"));
        if (xdg != null) {
            return xdg.resolve("neckbeard");
        }
        Path home = absolute(environment.get("HOME"));
        home = home != null ? home : absolute(accountHome);
        return home == null ? null : home.resolve(".cache").resolve("neckbeard");
    }

    private static Path absolute(String path) {
        return path == null || path.isBlank() || !Path.of(path).isAbsolute() ? null : Path.of(path);
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

    /**
     * A directory under a shared temporary directory: only if it is this user's and no one else may write to it.
     * This user is the owner of a file made in it, which holds also for a user with no account name.
     */
    private static Path ownedByThisUser(Path dir) throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return dir;
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("others may write to it (" + PosixFilePermissions.toString(permissions) + ")");
        }
        Path probe = Files.createTempFile(dir, ".owner-", "");
        try {
            UserPrincipal self = Files.getOwner(probe);
            if (!attributes.owner().equals(self)) {
                throw new IOException("it belongs to " + attributes.owner().getName() + ", not to " + self.getName());
            }
        } finally {
            Files.delete(probe);
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
