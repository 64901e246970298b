package io.neckbeard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The released JAR, which carries the application packed and unpacks it into the user's cache on
 * its first run. The other ITs run it too, AWS commands included (e.g. ShrunkJarCredentialsIT), so
 * the SDK's class and service loading through the unpacked application's class loader is proven
 * there.
 */
class PackedJarIT {
    private static final Path JAR = Path.of(System.getProperty("neckbeard.jar"));

    @TempDir
    Path temp;

    private Process start(Path cache, String name, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(temp.resolve(name + ".out").toFile()).redirectError(temp.resolve(name + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("NECKBEARD_CACHE_DIR", cache.toString());
        return builder.start();
    }

    private int exit(Process process) throws InterruptedException {
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("neckbeard finished").isTrue();
        return process.exitValue();
    }

    private String read(String file) throws IOException {
        return Files.readString(temp.resolve(file));
    }

    @Test
    void theReleasedJarStaysUnderNinePointFiveMegabytes() throws IOException {
        // What a CI job downloads for every run. 9.5 MB was the JAR's size before the AWS SDKs were added.
        assertThat(Files.size(JAR)).isLessThan(9_500_000L);
    }

    @Test
    void theFirstRunUnpacksTheApplicationOnceAndLaterRunsUseIt() throws Exception {
        Path cache = temp.resolve("cache");

        assertThat(exit(start(cache, "first", "--version"))).as(read("first.err")).isZero();
        assertThat(read("first.out")).startsWith("neckbeard ");
        List<Path> unpackedJars;
        try (var files = Files.list(cache)) {
            unpackedJars = files.toList();
        }
        assertThat(unpackedJars).singleElement().extracting(p -> p.getFileName().toString()).asString()
                .matches("neckbeard-.+-[0-9a-f]{16}\\.jar");
        Path unpacked = unpackedJars.get(0);
        FileTime unpackedAt = FileTime.fromMillis(0);
        Files.setLastModifiedTime(unpacked, unpackedAt);

        assertThat(exit(start(cache, "second", "--help"))).as(read("second.err")).isZero();
        assertThat(read("second.out")).contains("Usage: neckbeard");
        assertThat(Files.getLastModifiedTime(unpacked)).as("not unpacked again").isEqualTo(unpackedAt);
    }

    @Test
    void twoFirstRunsAtOnceBothUnpackAndRun() throws Exception {
        Path cache = temp.resolve("cache");
        Process one = start(cache, "one", "--version");
        Process two = start(cache, "two", "--version");

        assertThat(exit(one)).as(read("one.err")).isZero();
        assertThat(exit(two)).as(read("two.err")).isZero();
        try (var files = Files.list(cache)) {
            assertThat(files).as("one JAR, no partial file left").hasSize(1);
        }
    }

    @Test
    void aCacheThatCannotBeWrittenIsAnErrorSayingWhatToSetWithoutAStackTrace() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "");

        assertThat(exit(start(file, "failed", "--version"))).isEqualTo(1);
        assertThat(read("failed.out")).isEmpty();
        assertThat(read("failed.err")).startsWith("neckbeard: NECKBEARD_CACHE_DIR is " + file)
                .contains("Point NECKBEARD_CACHE_DIR at a directory you can write to").doesNotContain("\tat ");
    }
}
