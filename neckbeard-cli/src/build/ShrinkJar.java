import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ProGuard;

/**
 * Shrinks the shaded JAR in place with ProGuard; a build step of neckbeard-cli's package phase,
 * run as a single-file program with ProGuard on the class path:
 * java -cp PROGUARD ShrinkJar.java JAR RULES. docs/architecture.md describes it.
 *
 * 1. JAR is moved to neckbeard-unshrunk.jar beside it, without the default bridge methods of the
 *    AWS SDK service interfaces (see withoutInterfaceBridges).
 * 2. ProGuard shrinks that into JAR with the RULES file.
 * 3. The multi-release classes (META-INF/versions/N/...) are copied back unchanged: ProGuard
 *    drops them (Guardsquare/proguard#100), and the JVM needs them (JSch's Ed25519 on Java 15+,
 *    Jackson's number parsing); the rules keep their packages whole.
 */
public final class ShrinkJar {
    private static final String VERSIONED = "META-INF/versions/";
    private static final int ACC_BRIDGE = 0x0040;
    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_SYNTHETIC = 0x1000;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path rules = Path.of(args[1]).toAbsolutePath();
        Path unshrunk = jar.resolveSibling("neckbeard-unshrunk.jar");
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (!Files.isDirectory(jmods)) {
            // ProGuard reads the JDK's modules as library classes (proguard.conf); without them it fails obscurely
            System.err.println("ShrinkJar: " + jmods + " is missing: the Java running Maven is not a full JDK"
                    + " (a JRE or a jlink image). Install a full JDK 17 (e.g. Debian's openjdk-17-jdk-headless),"
                    + " point JAVA_HOME at it and build again.");
            System.exit(2);
        }
        long start = System.nanoTime();
        int rewritten = dropInterfaceBridges(jar, unshrunk);
        Files.delete(jar);
        runProGuard(unshrunk, jar, rules);
        int versioned = copyVersionedEntries(unshrunk, jar);
        System.out.printf("ShrinkJar: %,d -> %,d bytes in %.1f s (%d SDK interfaces without bridges, %d multi-release"
                        + " classes copied back; unshrunk: %s)%n", Files.size(unshrunk), Files.size(jar),
                (System.nanoTime() - start) / 1e9, rewritten, versioned, unshrunk.getFileName());
    }

    private static void runProGuard(Path in, Path out, Path rules) throws Exception {
        String[] options = {
            "-injars", in + "(!META-INF/maven/**)",
            "-outjars", out.toString(),
            "-include", rules.toString(),
        };
        Configuration configuration = new Configuration();
        try (ConfigurationParser parser = new ConfigurationParser(options, rules.getParent().toFile(), System.getProperties())) {
            parser.parse(configuration);
        }
        new ProGuard(configuration).execute();
    }

    /**
     * Copies {@code from} to {@code to}, without the default bridge methods of the interfaces of the
     * AWS SDK v2 service modules. Returns how many interfaces lost some.
     *
     * Why: javac gives each model builder interface (e.g. DescribeInstancesRequest.Builder) default
     * bridges for its covariant overrideConfiguration(...) methods. The SDK calls
     * AwsRequest.Builder.overrideConfiguration, and ProGuard keeps every default method that
     * overrides a called interface method, whether its interface is used or not
     * (Guardsquare/proguard#138): that kept every builder interface, through it its request class,
     * and through that every model class of every operation (the EC2 module alone, 23 MB). The
     * bridges are redundant: javac also puts them into every class that implements the method (the
     * BuilderImpl classes, the Default...Client classes), and those are what the JVM calls.
     */
    private static int dropInterfaceBridges(Path from, Path to) throws IOException {
        int rewritten = 0;
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            out.setLevel(Deflater.BEST_SPEED); // an intermediate file: ProGuard re-compresses its output
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = read(in, entry);
                String name = entry.getName();
                if (name.startsWith("software/amazon/awssdk/services/") && name.endsWith(".class")) {
                    byte[] without = withoutInterfaceBridges(bytes);
                    rewritten += without != bytes ? 1 : 0;
                    bytes = without;
                }
                write(out, entry, bytes);
            }
        }
        return rewritten;
    }

    /** Adds the META-INF/versions/ entries of {@code from} to the JAR {@code to}. */
    private static int copyVersionedEntries(Path from, Path to) throws IOException {
        Path merged = to.resolveSibling(to.getFileName() + ".tmp");
        int copied = 0;
        try (ZipFile shrunk = new ZipFile(to.toFile());
             ZipFile original = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(merged))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (Enumeration<? extends ZipEntry> entries = shrunk.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                write(out, entry, read(shrunk, entry));
            }
            for (Enumeration<? extends ZipEntry> entries = original.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(VERSIONED) && !entry.isDirectory() && shrunk.getEntry(entry.getName()) == null) {
                    write(out, entry, read(original, entry));
                    copied++;
                }
            }
        }
        Files.move(merged, to, StandardCopyOption.REPLACE_EXISTING);
        return copied;
    }

    /** The class file unchanged, or without its default bridge methods if it is an interface (JVMS 4.1). */
    static byte[] withoutInterfaceBridges(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(classFile.length);
        DataOutputStream out = new DataOutputStream(buffer);
        copy(in, out, 8); // magic, minor and major version
        int constantCount = in.readUnsignedShort();
        out.writeShort(constantCount);
        for (int index = 1; index < constantCount; index++) {
            int tag = in.readUnsignedByte();
            out.writeByte(tag);
            switch (tag) {
                case 1 -> out.writeUTF(in.readUTF());
                case 5, 6 -> {
                    copy(in, out, 8);
                    index++; // a long or a double takes two slots
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> copy(in, out, 4);
                case 15 -> copy(in, out, 3);
                case 7, 8, 16, 19, 20 -> copy(in, out, 2);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        int accessFlags = in.readUnsignedShort();
        if ((accessFlags & ACC_INTERFACE) == 0) {
            return classFile;
        }
        out.writeShort(accessFlags);
        copy(in, out, 4); // this class, super class
        int interfaces = in.readUnsignedShort();
        out.writeShort(interfaces);
        copy(in, out, 2 * interfaces);
        int fields = in.readUnsignedShort();
        out.writeShort(fields);
        for (int field = 0; field < fields; field++) {
            copy(in, out, 6); // access flags, name, descriptor
            copyAttributes(in, out);
        }
        int methods = in.readUnsignedShort();
        ByteArrayOutputStream keptMethods = new ByteArrayOutputStream();
        DataOutputStream keptOut = new DataOutputStream(keptMethods);
        int kept = 0;
        for (int method = 0; method < methods; method++) {
            int flags = in.readUnsignedShort();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream bodyOut = new DataOutputStream(body);
            bodyOut.writeShort(flags);
            copy(in, bodyOut, 4); // name, descriptor
            copyAttributes(in, bodyOut);
            boolean defaultBridge = (flags & (ACC_BRIDGE | ACC_SYNTHETIC)) == (ACC_BRIDGE | ACC_SYNTHETIC)
                    && (flags & ACC_ABSTRACT) == 0;
            if (!defaultBridge) {
                body.writeTo(keptOut);
                kept++;
            }
        }
        if (kept == methods) {
            return classFile;
        }
        out.writeShort(kept);
        keptMethods.writeTo(out);
        out.write(in.readAllBytes()); // the class's attributes
        return buffer.toByteArray();
    }

    private static void copyAttributes(DataInputStream in, DataOutputStream out) throws IOException {
        int count = in.readUnsignedShort();
        out.writeShort(count);
        for (int attribute = 0; attribute < count; attribute++) {
            copy(in, out, 2); // name
            int length = in.readInt();
            out.writeInt(length);
            copy(in, out, length);
        }
    }

    private static void copy(DataInputStream in, DataOutputStream out, int length) throws IOException {
        out.write(in.readNBytes(length));
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream stream = zip.getInputStream(entry)) {
            return stream.readAllBytes();
        }
    }

    private static void write(ZipOutputStream out, ZipEntry entry, byte[] bytes) throws IOException {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
    }
}
