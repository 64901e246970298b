package io.neckbeard.cli.boot;

import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The application JAR the released JAR carries as one xz stream (see the build's PackJar), with
 * its identity: the version, the SHA-256 and the size of the unpacked JAR. It is unpacked once per
 * build into the cache, named by that identity; later runs find it there and unpack nothing.
 */
record PackedApp(String version, String sha256, long size, Supplier<InputStream> stream) {
    static final String STREAM = "/META-INF/neckbeard/app.jar.xz";
    static final String IDENTITY = "/io/neckbeard/cli/boot/app.properties";
    /** An unpacked JAR of another build that no run has unpacked for this long is removed. */
    private static final Duration UNUSED = Duration.ofDays(30);

    /** The application packed into the JAR that holds this class. */
    static PackedApp inThisJar() throws IOException {
        Properties identity = new Properties();
        try (InputStream in = PackedApp.class.getResourceAsStream(IDENTITY)) {
            if (in == null) {
                throw new IOException("this JAR holds no packed application (" + IDENTITY + " is missing): build it with mvn package");
            }
            identity.load(in);
        }
        return new PackedApp(identity.getProperty("version"), identity.getProperty("sha256"),
                Long.parseLong(identity.getProperty("size")), () -> PackedApp.class.getResourceAsStream(STREAM));
    }

    /** The unpacked JAR in {@code cache}, unpacked first unless a complete one is already there. */
    Path unpackedIn(AppCache cache) throws IOException {
        Path jar = cache.dir().resolve("neckbeard-" + version + "-" + sha256.substring(0, 16) + ".jar");
        if (Files.isRegularFile(jar) && Files.size(jar) == size) {
            return jar;
        }
        // Unpacked beside its final name, then renamed: a run killed half-way, or another run unpacking at the same
        // time, never leaves a partial JAR under that name. xz checks its own CRC64, so damage is an error here.
        Path part = Files.createTempFile(cache.dir(), ".neckbeard-", ".part");
        try {
            try (InputStream in = new XZInputStream(new BufferedInputStream(open(), 1 << 16));
                 OutputStream out = Files.newOutputStream(part)) {
                in.transferTo(out);
            }
            if (Files.size(part) != size) {
                throw new IOException("the packed application unpacked to " + Files.size(part) + " bytes, not " + size);
            }
            Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new IOException("cannot unpack neckbeard's classes into " + cache.dir() + ": " + e.getMessage()
                    + ". If the JAR was damaged on the way, download it again", e);
        }
        removeUnused(cache.dir(), jar);
        return jar;
    }

    private InputStream open() throws IOException {
        InputStream in = stream.get();
        if (in == null) {
            throw new IOException(STREAM + " is missing from the JAR");
        }
        return in;
    }

    /** Unpacked JARs of other builds, and leftovers of killed runs, once unused for {@link #UNUSED}. Best effort. */
    private static void removeUnused(Path dir, Path current) {
        FileTime before = FileTime.from(Instant.now().minus(UNUSED));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{neckbeard-*.jar,.neckbeard-*.part}")) {
            for (Path file : files) {
                if (!file.equals(current) && Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // another run may be cleaning up too; an old file left behind costs only disk space
        }
    }
}
