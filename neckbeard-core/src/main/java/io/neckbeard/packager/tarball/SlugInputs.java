package io.neckbeard.packager.tarball;

import io.neckbeard.core.ExitCode;
import io.neckbeard.packager.PackagerException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Collects the files a slug is made of and their digest. Inputs are the {@code include} paths
 * (default: the whole project but {@code .neckbeard/}, {@code .git/} and {@code target/}), minus
 * files matching an {@code exclude} glob (matched against the relative path and the file name).
 * A symbolic link that stays inside the project is packed as a link; one that leads out of it is
 * refused, unless {@code follow_links} packs what it points to. Only regular files are read
 * (a named pipe or device is not packed).
 */
final class SlugInputs {
    static final Set<String> DEFAULT_SKIPPED = Set.of(".neckbeard", ".git", "target");

    private final Path root;
    private final Path realRoot;
    private final List<PathMatcher> excluded;
    private final boolean followLinks;
    private final TreeMap<String, SlugInput> inputs = new TreeMap<>();

    private SlugInputs(Path root, List<String> exclude, boolean followLinks) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
        this.excluded = exclude.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        this.followLinks = followLinks;
    }

    /** The inputs sorted by path; {@code root} is absolute and normalized. */
    static List<SlugInput> collect(Path root, List<String> include, List<String> exclude, boolean followLinks) {
        try {
            SlugInputs collected = new SlugInputs(root, exclude, followLinks);
            if (include.isEmpty()) {
                collected.walk(root, true);
            } else {
                for (String entry : include) {
                    collected.walk(collected.included(entry), false);
                }
            }
            return List.copyOf(collected.inputs.values());
        } catch (IOException | UncheckedIOException e) {
            throw new PackagerException(ExitCode.FAILED, "cannot read the slug inputs under " + root + ": " + e.getMessage(),
                    "check the permissions of the project files", e);
        }
    }

    /** An {@code include} entry's path: it must exist under the root, and not through a directory link that leads out. */
    private Path included(String entry) throws IOException {
        Path path = root.resolve(entry).normalize();
        if (!path.startsWith(root) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackagerException(ExitCode.USAGE, "packager.include names '" + entry + "', which does not exist under " + root,
                    path.equals(root.resolve(TarballPackager.PROCFILE)) ? TarballPackager.PROCFILE_FIX
                            : "create it or remove it from packager.include in neckbeard/config.yml", null);
        }
        if (!followLinks && !path.equals(root) && !path.getParent().toRealPath().startsWith(realRoot)) {
            throw outside(entry, path.getParent().toRealPath());
        }
        return path;
    }

    private void walk(Path start, boolean skipDefaults) throws IOException {
        try (Stream<Path> paths = Files.walk(start)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = root.relativize(path);
                if (path.equals(root) || skipDefaults && DEFAULT_SKIPPED.contains(relative.getName(0).toString())
                        || excluded.stream().anyMatch(m -> m.matches(relative) || m.matches(relative.getFileName()))) {
                    continue;
                }
                String name = relative.toString().replace('\\', '/');
                if (Files.isSymbolicLink(path)) {
                    link(name, path);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    file(name, path);
                }
            }
        }
    }

    private void file(String name, Path file) throws IOException {
        inputs.put(name, SlugInput.file(name, file, Files.isExecutable(file), Files.size(file), sha256(file)));
    }

    /**
     * A link whose target (every link on the way resolved) is inside the project is packed as a
     * link, relative; any other is refused unless {@code follow_links}, which packs its target's content.
     */
    private void link(String name, Path link) throws IOException {
        Path written = Files.readSymbolicLink(link);
        Path target = link.getParent().resolve(written).normalize();
        Path real = Files.exists(link) ? link.toRealPath() : null;
        if (real == null ? target.startsWith(root) : real.startsWith(realRoot)) {
            Path relative = written.isAbsolute()
                    ? link.getParent().toRealPath().relativize(real == null ? target : real) : written;
            inputs.put(name, SlugInput.link(name, relative.toString().replace('\\', '/')));
            return;
        }
        if (!followLinks || real == null) {
            throw outside(name, real == null ? target : real);
        }
        if (Files.isRegularFile(real)) {
            file(name, real);
            return;
        }
        try (Stream<Path> paths = Files.walk(real, FileVisitOption.FOLLOW_LINKS)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                file(name + "/" + real.relativize(path).toString().replace('\\', '/'), path);
            }
        }
    }

    private PackagerException outside(String name, Path target) {
        return new PackagerException(ExitCode.USAGE, "the slug input '" + name + "' is a symbolic link to " + target
                + ", which is outside the project " + root, "copy what it points to into the project, or set"
                + " packager.follow_links: true in neckbeard/config.yml to pack the target's content", null);
    }

    /** {@code sha256:<hex>} over each input's path, kind (mode, or link and its target) and content digest, in path order. */
    static String digest(List<SlugInput> inputs) {
        MessageDigest digest = newDigest();
        for (SlugInput input : inputs) {
            String kind = input.link() != null ? "link\0" + input.link() : (input.executable() ? "755" : "644") + "\0" + input.sha256();
            digest.update((input.path() + "\0" + kind + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
