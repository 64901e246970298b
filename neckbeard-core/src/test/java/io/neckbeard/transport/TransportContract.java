package io.neckbeard.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Transport} does, run against each implementation on a node that is this
 * machine (local processes, an SSH server on 127.0.0.1), so the test can look at the files.
 * Remote paths are absolute.
 */
public abstract class TransportContract {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    protected Path dir;

    private Transport transport;

    /** A transport to a node that shares this machine's file system. */
    protected abstract Transport open() throws Exception;

    @BeforeEach
    void openTransport() throws Exception {
        transport = open();
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void runsWithTheGivenVariablesStreamsEveryLineAndReturnsTheExitCode() {
        List<String> lines = new ArrayList<>();
        String tricky = "x y 'q' \"d\" $HOME `id` ;";

        CommandResult result = transport.run("echo \"$EXTRA\"; echo oops >&2; exit 3", Map.of("EXTRA", tricky), TIMEOUT, lines::add);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(lines).containsExactly(tricky, "oops");
        assertThat(result.outputTail()).isEqualTo(tricky + "\noops");
    }

    @Test
    void keepsVariableValuesOutOfEveryProcessCommandLine() throws Exception {
        String secret = "s3cret-" + System.nanoTime();
        Path cmdlines = dir.resolve("cmdlines");

        // Every process's command line while the command runs, to a file: a grep for the value would carry it in its own.
        CommandResult result = transport.run("echo \"$SECRET\"; cat /proc/[0-9]*/cmdline > '" + cmdlines + "' 2>/dev/null; true",
                Map.of("SECRET", secret), TIMEOUT, line -> { });

        assertThat(result.outputTail()).isEqualTo(secret);
        String everyCommandLine = Files.readString(cmdlines);
        assertThat(everyCommandLine).as("the command lines were read").contains("/bin/sh");
        assertThat(everyCommandLine.contains(secret)).as("a process's command line holds the variable's value").isFalse();
    }

    @Test
    void runsWithBinSh() {
        CommandResult result = transport.run("echo $0", Map.of(), TIMEOUT, line -> { });

        assertThat(result.outputTail()).isEqualTo("/bin/sh");
    }

    @Test
    void passesStandardInputToTheCommandAfterTheVariables() {
        List<String> lines = new ArrayList<>();
        byte[] input = "first line\n  second 'line' $HOME\n".getBytes(StandardCharsets.UTF_8);

        CommandResult result = transport.run("echo \"$GREETING\"; cat; echo done", Map.of("GREETING", "hi"),
                new ByteArrayInputStream(input), TIMEOUT, lines::add);

        assertThat(result.exitCode()).isZero();
        assertThat(lines).containsExactly("hi", "first line", "  second 'line' $HOME", "done");
    }

    @Test
    void anInputThatNeverEndsDoesNotHoldUpACommandThatDoesNotReadIt() throws Exception {
        try (PipedOutputStream neverClosed = new PipedOutputStream(); PipedInputStream input = new PipedInputStream(neverClosed)) {
            CommandResult result = transport.run("echo ran", Map.of(), input, TIMEOUT, line -> { });

            assertThat(result.outputTail()).isEqualTo("ran");
        }
    }

    @Test
    void keepsOnlyTheLastFortyLinesAsTail() {
        CommandResult result = transport.run("seq 1 100", Map.of(), TIMEOUT, line -> { });

        assertThat(result.outputTail().lines()).hasSize(40).startsWith("61").endsWith("100");
    }

    @Test
    void aCommandOutlivingItsTimeoutFailsNamingTheNode() {
        assertThatThrownBy(() -> transport.run("sleep 30", Map.of(), Duration.ofMillis(700), line -> { }))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("did not finish within")
                .hasMessageContaining(transport.describe());
    }

    /** Closing the channel does not stop a command that neither reads nor writes: it is killed on the node, children too. */
    @Test
    void aCommandOutlivingItsTimeoutIsKilledOnTheNodeWithTheProcessesItStarted() throws Exception {
        Path pidFile = dir.resolve("child.pid");

        assertThatThrownBy(() -> transport.run("sleep 300 & echo $! > '" + pidFile + "'; wait", Map.of(), Duration.ofMillis(1500),
                line -> { })).isInstanceOf(TransportException.class).hasMessageContaining("did not finish within").hasMessageContaining("killed");

        long child = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 200 && running(child); i++) {
            sleep(50);
        }
        assertThat(running(child)).as("the command's child process %d still runs", child).isFalse();
        assertThat(transport.run("echo still usable", Map.of(), TIMEOUT, line -> { }).outputTail()).isEqualTo("still usable");
    }

    /** Running and not a zombie (an orphan's zombie waits for whoever reaps it, which may be nobody in a container). */
    private static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        try {
            String text = Files.readString(stat);
            return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }

    @Test
    @Timeout(30)
    void returnsEveryLineTheCommandWroteEvenWhenTheConsumerLagsBehind() {
        List<String> seen = new ArrayList<>();
        CommandResult result = transport.run("printf 'web: a\\nworker: b\\nlast'", Map.of(), TIMEOUT, line -> {
            sleep(400);
            seen.add(line);
        });

        assertThat(seen).containsExactly("web: a", "worker: b", "last");
        assertThat(result.outputTail()).isEqualTo("web: a\nworker: b\nlast");
    }

    @Test
    @Timeout(15)
    void returnsWhileABackgroundProcessWithRedirectedOutputKeepsRunning() throws Exception {
        Path pidFile = dir.resolve("bg.pid");
        CommandResult result = transport.run("sleep 60 >/dev/null 2>&1 </dev/null & echo $! > '" + pidFile + "'; echo started",
                Map.of(), Duration.ofSeconds(60), line -> { });

        assertThat(result.exitCode()).isZero();
        assertThat(result.outputTail()).isEqualTo("started");
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void uploadsAFileAndADirectoryTreeCreatingParentsAndKeepingModes() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/a/b"));
        Files.writeString(source.resolve("deep.txt"), "deep");
        Files.writeString(dir.resolve("src/top.txt"), "top");
        Path script = Files.writeString(dir.resolve("src/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path node = dir.resolve("node");

        transport.upload(dir.resolve("src"), node.resolve("copy").toString());
        transport.upload(dir.resolve("src/top.txt"), node.resolve("one/two/file.txt").toString());

        assertThat(node.resolve("copy/a/b/deep.txt")).hasContent("deep");
        assertThat(node.resolve("copy/top.txt")).hasContent("top");
        assertThat(Files.isExecutable(node.resolve("copy/run.sh"))).isTrue();
        assertThat(Files.isExecutable(node.resolve("copy/top.txt"))).isFalse();
        assertThat(node.resolve("one/two/file.txt")).hasContent("top");
    }

    @Test
    void writesContentWithTheGivenModeLeavingNoTemporaryFile() throws Exception {
        transport.write(dir.resolve("shared/env").toString(), "SECRET='x'\n".getBytes(StandardCharsets.UTF_8), 0600);
        transport.write(dir.resolve("bin/run.sh").toString(), "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), 0755);
        transport.write(dir.resolve("shared/env").toString(), "SECRET='y'\n".getBytes(StandardCharsets.UTF_8), 0600);

        assertThat(dir.resolve("shared/env")).hasContent("SECRET='y'");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("shared/env")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bin/run.sh")))).isEqualTo("rwxr-xr-x");
        try (var files = Files.list(dir.resolve("shared"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("env");
        }
    }

    @Test
    void createsMissingDirectoriesWithMode0755WhateverTheModeOfTheFile() throws Exception {
        transport.write(dir.resolve("root/provision/params.json").toString(), "{}".getBytes(StandardCharsets.UTF_8), 0600);
        transport.upload(Files.writeString(dir.resolve("one.txt"), "one"), dir.resolve("up/a/one.txt").toString());

        assertThat(mode(dir.resolve("root"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(dir.resolve("root/provision"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(dir.resolve("root/provision/params.json"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("up"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(dir.resolve("up/a"))).isEqualTo("rwxr-xr-x");
    }

    /** Big enough that the node stops reading before it is all sent. */
    @Test
    void anUploadUnderAFileIsRefusedAsACopyNotALostConnection() throws Exception {
        Path big = Files.write(dir.resolve("big.bin"), new byte[16 * 1024 * 1024]);
        Path inTheWay = Files.writeString(dir.resolve("in-the-way"), "a file, not a directory");

        assertThatThrownBy(() -> transport.upload(big, inTheWay.resolve("sub/big.bin").toString()))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("cannot copy " + big + " to " + inTheWay.resolve("sub/big.bin"));
    }

    @Test
    void putsFilesTreesSecretsAndEmptyDirectoriesInOrderWithTheirModes() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/a"));
        Files.writeString(source.resolve("deep.txt"), "deep");
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path node = dir.resolve("node");
        Files.createDirectories(node.resolve("root/chef"));
        Files.writeString(node.resolve("root/chef/left-from-last-run.json"), "{}");

        transport.put(List.of(
                NodeFile.bytes(node.resolve("root/provision/params.json").toString(), "{\"pw\": 1}".getBytes(StandardCharsets.UTF_8), 0600),
                NodeFile.copy(script, node.resolve("root/provision/scripts/run.sh").toString()),
                NodeFile.emptyDirectory(node.resolve("root/chef").toString()),
                NodeFile.copy(dir.resolve("src"), node.resolve("root/chef/cookbooks").toString()),
                NodeFile.bytes(node.resolve("root/chef/node.json").toString(), "{}".getBytes(StandardCharsets.UTF_8), 0600)));

        assertThat(node.resolve("root/provision/params.json")).hasContent("{\"pw\": 1}");
        assertThat(mode(node.resolve("root/provision/params.json"))).isEqualTo("rw-------");
        assertThat(mode(node.resolve("root/provision/scripts/run.sh"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(node.resolve("root/provision"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(node.resolve("root/provision/scripts"))).isEqualTo("rwxr-xr-x");
        assertThat(node.resolve("root/chef/cookbooks/a/deep.txt")).hasContent("deep");
        assertThat(mode(node.resolve("root/chef/node.json"))).isEqualTo("rw-------");
        try (var files = Files.list(node.resolve("root/chef"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("cookbooks", "node.json");
        }
        try (var files = Files.list(node.resolve("root/provision"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no staging left behind")
                    .containsExactlyInAnyOrder("params.json", "scripts");
        }
    }

    @Test
    void putAndRunRunsTheCommandOnceEveryFileIsInPlaceAndPassesOnOnlyItsOutput() throws Exception {
        Path node = dir.resolve("node");
        List<String> lines = new ArrayList<>();

        CommandResult result = transport.putAndRun(List.of(
                        NodeFile.bytes(node.resolve("shared/env").toString(), "A=1\n".getBytes(StandardCharsets.UTF_8), 0600),
                        NodeFile.bytes(node.resolve("provision/params.json").toString(), "{}".getBytes(StandardCharsets.UTF_8), 0600)),
                "cat '" + node.resolve("shared/env") + "' '" + node.resolve("provision/params.json") + "'; echo; echo \"$GREETING\"; cat; exit 4",
                Map.of("GREETING", "hi"), TIMEOUT, lines::add);

        assertThat(lines).containsExactly("A=1", "{}", "hi");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.outputTail()).isEqualTo("A=1\n{}\nhi");
    }

    @Test
    void putAndRunRunsNoCommandWhenAFileCannotBePut() throws Exception {
        Path inTheWay = Files.writeString(dir.resolve("in-the-way"), "a file, not a directory");
        Path ran = dir.resolve("ran");

        assertThatThrownBy(() -> transport.putAndRun(List.of(NodeFile.bytes(inTheWay.resolve("sub/env").toString(), new byte[]{1}, 0600)),
                "touch '" + ran + "'", Map.of(), TIMEOUT, line -> { }))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining(inTheWay.resolve("sub/env").toString());
        assertThat(ran).doesNotExist();
    }

    @Test
    void aPutThatCannotWriteFailsAsACopy() throws Exception {
        Path inTheWay = Files.writeString(dir.resolve("in-the-way"), "a file, not a directory");

        assertThatThrownBy(() -> transport.put(List.of(NodeFile.bytes(dir.resolve("ok/env").toString(), new byte[]{1}, 0600),
                NodeFile.bytes(inTheWay.resolve("sub/env").toString(), new byte[]{1}, 0600))))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining(inTheWay.resolve("sub/env").toString());
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
