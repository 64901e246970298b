import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Packs the shrunk JAR into the released one; a build step of neckbeard-cli's package phase, run
 * after ShrinkJar as a single-file program with org.tukaani:xz on the class path:
 * java -cp XZ PackJar.java JAR. docs/architecture.md describes it.
 *
 * 1. JAR (the shrunk application) is moved to neckbeard-app.jar beside it: the checkout's
 *    bin/neckbeard runs that one directly.
 * 2. Its entries, but for the boot classes and the xz decoder, are written into one uncompressed
 *    JAR, and that is compressed as a whole with xz: classes compress far better together than one
 *    by one (52 MB of classes: 18.6 MB as a deflated JAR, 6.3 MB as one xz stream).
 * 3. JAR becomes the boot classes, the xz decoder, that stream (META-INF/neckbeard/app.jar.xz) and
 *    its identity (io/neckbeard/cli/boot/app.properties), with Boot as its main class. On first run
 *    Boot unpacks the stream into the user's cache, once per build.
 */
public final class PackJar {
    private static final String STREAM = "META-INF/neckbeard/app.jar.xz";
    private static final String IDENTITY = "io/neckbeard/cli/boot/app.properties";
    private static final String BOOT_MAIN = "io.neckbeard.cli.boot.Boot";
    /** xz's dictionary: 16 MiB is within 2 % of 64 MiB here, and the decoder needs only about that much memory. */
    private static final int DICTIONARY = 16 << 20;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path app = jar.resolveSibling("neckbeard-app.jar");
        long start = System.nanoTime();
        Files.move(jar, app, StandardCopyOption.REPLACE_EXISTING);
        try (JarFile in = new JarFile(app.toFile())) {
            List<ZipEntry> entries = in.stream().<ZipEntry>map(e -> e).filter(e -> !e.isDirectory())
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            byte[] inner = storedJar(in, entries.stream().filter(e -> !boot(e.getName())).toList());
            byte[] packed = xz(inner);
            writeOuter(jar, in, entries.stream().filter(e -> boot(e.getName())).toList(), inner, packed);
        }
        System.out.printf("PackJar: %,d -> %,d bytes in %.1f s (application: %s)%n", Files.size(app), Files.size(jar),
                (System.nanoTime() - start) / 1e9, app.getFileName());
    }

    /** What the released JAR must hold itself, to run before the application is unpacked. */
    private static boolean boot(String name) {
        String path = name.replaceFirst("^META-INF/versions/\\d+/", "");
        return path.startsWith("io/neckbeard/cli/boot/") || path.startsWith("org/tukaani/xz/");
    }

    /** The entries as a JAR without compression (the manifest first, as JarInputStream expects). */
    private static byte[] storedJar(JarFile in, List<ZipEntry> entries) throws IOException {
        List<ZipEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(e -> !e.getName().equals(JarFile.MANIFEST_NAME)));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 << 20);
        try (ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (ZipEntry entry : ordered) {
                writeStored(out, entry.getName(), entry.getTime(), read(in, entry));
            }
        }
        return buffer.toByteArray();
    }

    private static byte[] xz(byte[] bytes) throws IOException {
        LZMA2Options options = new LZMA2Options(LZMA2Options.PRESET_DEFAULT);
        options.setDictSize(DICTIONARY);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 6);
        try (XZOutputStream out = new XZOutputStream(buffer, options)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }

    private static void writeOuter(Path jar, JarFile app, List<ZipEntry> bootEntries, byte[] inner, byte[] packed)
            throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, BOOT_MAIN);
        main.put(Attributes.Name.MULTI_RELEASE, "true");
        String version = app.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        String identity = "version=" + version + "\nsha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(inner))
                + "\nsize=" + inner.length + "\n";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
            manifest.write(out);
            out.closeEntry();
            for (ZipEntry entry : bootEntries) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(read(app, entry));
                out.closeEntry();
            }
            write(out, IDENTITY, identity.getBytes(StandardCharsets.UTF_8));
            writeStored(out, STREAM, System.currentTimeMillis(), packed); // already compressed
        }
    }

    /** An entry without compression, which a ZipOutputStream takes only with its size and CRC given first. */
    private static void writeStored(ZipOutputStream out, String name, long time, byte[] bytes) throws IOException {
        ZipEntry stored = new ZipEntry(name);
        stored.setMethod(ZipEntry.STORED);
        stored.setTime(time);
        stored.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        stored.setCrc(crc.getValue());
        out.putNextEntry(stored);
        out.write(bytes);
        out.closeEntry();
    }

    private static void write(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream stream = zip.getInputStream(entry)) {
            return stream.readAllBytes();
        }
    }
}
