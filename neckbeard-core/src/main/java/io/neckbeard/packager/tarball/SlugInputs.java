package io.neckbeard.packager.tarball;

import io.neckbeard.core.ExitCode;
import io.neckbeard.packager.PackagerException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
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
 */
final class SlugInputs {
    static final Set<String> DEFAULT_SKIPPED = Set.of(".neckbeard", ".git", "target");

    private SlugInputs() {
    }

    /** The inputs sorted by path. */
    static List<SlugInput> collect(Path root, List<String> include, List<String> exclude) {
        List<PathMatcher> excluded = exclude.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        TreeMap<String, SlugInput> inputs = new TreeMap<>();
        try {
            if (include.isEmpty()) {
                walk(root, root, true, excluded, inputs);
            } else {
                for (String entry : include) {
                    Path path = root.resolve(entry).normalize();
                    if (!path.startsWith(root) || !Files.exists(path)) {
                        throw new PackagerException(ExitCode.USAGE, "packager.include names '" + entry + "', which does not exist under " + root,
                                path.equals(root.resolve(TarballPackager.PROCFILE)) ? TarballPackager.PROCFILE_FIX
                                        : "create it or remove it from packager.include in neckbeard/config.yml", null);
                    }
                    walk(root, path, false, excluded, inputs);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PackagerException(ExitCode.FAILED, "cannot read the slug inputs under " + root + ": " + e.getMessage(),
                    "check the permissions of the project files", e);
        }
        return List.copyOf(inputs.values());
    }

    private static void walk(Path root, Path start, boolean skipDefaults, List<PathMatcher> excluded,
                             TreeMap<String, SlugInput> inputs) throws IOException {
        try (Stream<Path> paths = Files.walk(start)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                Path relative = root.relativize(file);
                if (skipDefaults && DEFAULT_SKIPPED.contains(relative.getName(0).toString())) {
                    continue;
                }
                if (excluded.stream().anyMatch(m -> m.matches(relative) || m.matches(relative.getFileName()))) {
                    continue;
                }
                String name = relative.toString().replace('\\', '/');
                inputs.put(name, new SlugInput(name, file, Files.isExecutable(file), Files.size(file), sha256(file)));
            }
        }
    }

    /** {@code sha256:<hex>} over each input's path, executable bit and content digest, in path order. */
    static String digest(List<SlugInput> inputs) {
        MessageDigest digest = newDigest();
        for (SlugInput input : inputs) {
            digest.update((input.path() + "\0" + (input.executable() ? "755" : "644") + "\0" + input.sha256() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
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
