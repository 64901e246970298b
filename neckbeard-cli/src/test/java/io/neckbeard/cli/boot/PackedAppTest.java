package io.neckbeard.cli.boot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedAppTest {
    private static final byte[] APPLICATION = "class files, many of them\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private static byte[] xz(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(buffer, new LZMA2Options())) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }

    private static PackedApp packed(byte[] stream) {
        return new PackedApp("1.2.3", SHA256, APPLICATION.length, () -> new ByteArrayInputStream(stream));
    }

    private Stream<String> files() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString()).sorted();
    }

    @Test
    void theFirstRunUnpacksTheApplicationUnderItsIdentityAndLaterRunsReuseIt() throws IOException {
        Path jar = packed(xz(APPLICATION)).unpackedIn(new AppCache(dir));

        assertThat(jar.getFileName()).hasToString("neckbeard-1.2.3-0123456789abcdef.jar");
        assertThat(Files.readAllBytes(jar)).isEqualTo(APPLICATION);
        PackedApp streamGone = new PackedApp("1.2.3", SHA256, APPLICATION.length, () -> null);
        assertThat(streamGone.unpackedIn(new AppCache(dir))).as("found, not unpacked again").isEqualTo(jar);
    }

    @Test
    void anIncompleteUnpackedJarIsUnpackedAgain() throws IOException {
        Path jar = packed(xz(APPLICATION)).unpackedIn(new AppCache(dir));
        Files.write(jar, new byte[100]);

        assertThat(Files.readAllBytes(packed(xz(APPLICATION)).unpackedIn(new AppCache(dir)))).isEqualTo(APPLICATION);
    }

    @Test
    void aDamagedStreamIsAnErrorThatLeavesNothingBehind() throws IOException {
        byte[] damaged = xz(APPLICATION);
        damaged[damaged.length / 2] ^= 0x55;

        assertThatThrownBy(() -> packed(damaged).unpackedIn(new AppCache(dir)))
                .hasMessageStartingWith("cannot unpack neckbeard's classes into " + dir + ": ")
                .hasMessageEndingWith("If the JAR was damaged on the way, download it again");
        assertThat(files()).isEmpty();
    }

    @Test
    void unpackedJarsOfOtherBuildsUnpacked30DaysAgoAreRemoved() throws IOException {
        Path old = Files.writeString(dir.resolve("neckbeard-1.0.0-aaaaaaaaaaaaaaaa.jar"), "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        Files.writeString(dir.resolve("neckbeard-1.1.0-bbbbbbbbbbbbbbbb.jar"), "recent");
        Files.writeString(dir.resolve("unrelated.txt"), "not ours");

        packed(xz(APPLICATION)).unpackedIn(new AppCache(dir));

        assertThat(files()).containsExactly("neckbeard-1.1.0-bbbbbbbbbbbbbbbb.jar", "neckbeard-1.2.3-0123456789abcdef.jar", "unrelated.txt");
    }

    @Test
    void aJarWithoutAPackedApplicationSaysHowToBuildOne() {
        // the test class path holds the boot classes but no packed application
        assertThatThrownBy(PackedApp::inThisJar).hasMessage("this JAR holds no packed application"
                + " (/io/neckbeard/cli/boot/app.properties is missing): build it with mvn package");
    }
}
