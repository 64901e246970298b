package io.neckbeard.packager.tarball;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerException;
import io.neckbeard.packager.PackagerSettingException;
import io.neckbeard.packager.Slug;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Packs the project into {@code <outputDir>/<app>-<id>.tar.gz}. Entries are sorted and carry a
 * fixed time, owner and mode (644 or 755), so the digest depends on the inputs only; a slug
 * whose digest already exists is reused, not rebuilt.
 */
final class TarballPackager implements Packager {
    private static final Logger LOG = LoggerFactory.getLogger(TarballPackager.class);
    static final String PROCFILE = "Procfile";
    static final String PROCFILE_FIX = "create a Procfile at the project root with a line such as 'web: python3 -m http.server $PORT'"
            + " (and list it in packager.include if you set one)";
    private static final int BUFFER = 1 << 16;
    static final Set<String> SETTINGS = Set.of("include", "exclude", "follow_links");
    /** 2000-01-01T00:00:00Z: fixed, and recent enough that tar does not warn about it on unpacking. */
    private static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    /** The settings' checks, for {@code check} and before every build. */
    static void validate(Map<String, Object> settings) {
        settings.keySet().stream().filter(k -> !SETTINGS.contains(k)).findFirst().ifPresent(k -> {
            throw new PackagerException(ExitCode.USAGE, "unknown setting 'packager." + k + "' of the tarball packager",
                    "use include (paths to pack), exclude (globs to leave out) and follow_links (true or false)", null);
        });
        strings(settings, "include");
        strings(settings, "exclude");
        followLinks(settings);
    }

    @Override
    public Slug build(PackageRequest request) {
        Map<String, Object> settings = request.settings();
        validate(settings);
        Path root = request.projectRoot().toAbsolutePath().normalize();
        List<SlugInput> inputs = SlugInputs.collect(root, strings(settings, "include"), strings(settings, "exclude"),
                followLinks(settings));
        if (inputs.stream().noneMatch(i -> i.path().equals(PROCFILE) && i.link() == null)) {
            throw new PackagerException(ExitCode.USAGE, "the slug has no Procfile at the project root (" + root.resolve(PROCFILE)
                    + ", a file, not a symbolic link)",
                    PROCFILE_FIX, null);
        }
        String digest = SlugInputs.digest(inputs);
        String id = digest.substring("sha256:".length(), "sha256:".length() + 12);
        Path file = request.outputDir().resolve(request.app() + "-" + id + ".tar.gz");
        if (Files.isRegularFile(file)) {
            LOG.debug("slug {} is up to date", file);
            return new Slug(file, digest, id);
        }
        write(file, new Manifest(request.app(), digest, Instant.now(), inputs.stream()
                .map(i -> new Manifest.File(i.path(), i.sha256(), i.executable(), i.link())).toList()), inputs);
        LOG.info("built slug {} ({} files)", file, inputs.size());
        return new Slug(file, digest, id);
    }

    /**
     * Refuses, at the setting that causes it, a slug that would have no Procfile: none at the project
     * root, {@code include} leaving it out, or an {@code exclude} glob matching it. What {@link #build}
     * finds from the packed files, told before packing.
     */
    static void checkProcfile(Map<String, Object> settings, Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        Path procfile = root.resolve(PROCFILE);
        List<String> include = strings(settings, "include");
        String message = "the slug has no Procfile at the project root (" + procfile + ")";
        if (!include.isEmpty() && include.stream().map(entry -> root.resolve(entry).normalize())
                .noneMatch(path -> path.equals(root) || path.equals(procfile))) {
            throw new PackagerSettingException("include", message + ": packager.include leaves it out", PROCFILE_FIX);
        }
        if (!Files.isRegularFile(procfile)) {
            throw new PackagerSettingException(include.isEmpty() ? "" : "include", message, PROCFILE_FIX);
        }
        if (strings(settings, "exclude").stream().anyMatch(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)
                .matches(Path.of(PROCFILE)))) {
            throw new PackagerSettingException("exclude", message + ": packager.exclude leaves it out",
                    "remove the glob matching Procfile from packager.exclude");
        }
    }

    /** Written to a temporary file and renamed, so a slug file that exists is always complete. */
    private static void write(Path file, Manifest manifest, List<SlugInput> inputs) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), BUFFER), BUFFER);
                     TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    for (SlugInput input : inputs) {
                        if (input.link() != null) {
                            tar.putArchiveEntry(linkEntry(input.path(), input.link()));
                        } else {
                            tar.putArchiveEntry(entry(input.path(), input.size(), input.executable()));
                            Files.copy(input.file(), tar);
                        }
                        tar.closeArchiveEntry();
                    }
                    byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
                    tar.putArchiveEntry(entry(Manifest.PATH, json.length, false));
                    tar.write(json);
                    tar.closeArchiveEntry();
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PackagerException(ExitCode.FAILED, "cannot write slug " + file + ": " + e.getMessage(),
                    "check that " + file.getParent() + " is writable and the disk is not full", e);
        }
    }

    private static TarArchiveEntry entry(String name, long size, boolean executable) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(executable ? 0100755 : 0100644);
        return fixed(entry);
    }

    private static TarArchiveEntry linkEntry(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        entry.setMode(0120777);
        return fixed(entry);
    }

    /** The same time and owner for every entry, so the slug depends on its inputs only. */
    private static TarArchiveEntry fixed(TarArchiveEntry entry) {
        entry.setLastModifiedTime(ENTRY_TIME);
        entry.setIds(0, 0);
        entry.setNames("", "");
        return entry;
    }

    /** {@code follow_links}: false unless written as true; anything but a boolean is a usage error. */
    private static boolean followLinks(Map<String, Object> settings) {
        Object value = settings.get("follow_links");
        if (value != null && !(value instanceof Boolean)) {
            throw new PackagerException(ExitCode.USAGE, "packager.follow_links must be true or false, found " + value,
                    "write follow_links: true to pack what links leading out of the project point to, or leave it out", null);
        }
        return Boolean.TRUE.equals(value);
    }

    private static List<String> strings(Map<String, Object> settings, String key) {
        Object value = settings.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw new PackagerException(ExitCode.USAGE, "packager." + key + " must be a list of paths, was: " + value,
                    "write it as e.g. " + key + ": [app/, Procfile]", null);
        }
        return list.stream().map(String.class::cast).toList();
    }
}
