package io.neckbeard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/neckbeard} put on the PATH through symbolic links (one absolute, one relative to
 * it) finds its checkout and runs the JAR there, instead of looking for one beside the link.
 */
class LauncherIT {
    @TempDir
    Path temp;

    @Test
    void theLauncherRunsThroughAChainOfSymbolicLinks() throws Exception {
        // neckbeard-cli/target/neckbeard.jar -> the checkout
        Path checkout = Path.of(System.getProperty("neckbeard.jar")).toAbsolutePath().getParent().getParent().getParent();
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("neckbeard"), checkout.resolve("bin/neckbeard"));
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.createSymbolicLink(other.resolve("nb"), Path.of("../bin/neckbeard"));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        ProcessBuilder launcher = new ProcessBuilder(other.resolve("nb").toString(), "--version").directory(temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Set, so the launcher makes no class-data-sharing archive beside the JAR.
        launcher.environment().put("NECKBEARD_JAVA_OPTS", "-XX:TieredStopAtLevel=1");

        Process process = launcher.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher finished").isTrue();

        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out)).startsWith("neckbeard ");
        assertThat(Files.readString(err)).doesNotContain("building");
    }

    @Test
    void aDownloadedLauncherRunsTheJarBesideIt() throws Exception {
        Path jar = Path.of(System.getProperty("neckbeard.jar")).toAbsolutePath();
        Path checkout = jar.getParent().getParent().getParent();
        Path install = Files.createDirectories(temp.resolve("install"));
        Files.copy(checkout.resolve("bin/neckbeard"), install.resolve("neckbeard"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(jar, install.resolve("neckbeard.jar"));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");

        Process process = new ProcessBuilder(install.resolve("neckbeard").toString(), "--version").directory(temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher finished").isTrue();

        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out)).startsWith("neckbeard ").contains("commit ");
        assertThat(Files.readString(err)).doesNotContain("building");
    }
}
