package io.neckbeard.transport.local;

import io.neckbeard.core.FileTrees;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Commands;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.TransportException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs commands as local processes: the Transport of the {@code local} provider. Relative
 * remote paths are resolved against the node directory.
 */
public final class LocalTransport implements Transport {
    /** How often new output is passed on while a command runs. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final Path workDir;
    private final String name;
    private final Map<String, String> baseEnvironment;

    /**
     * @param workDir         working directory of every command (the node directory)
     * @param name            for messages, e.g. {@code local:app-1}
     * @param baseEnvironment variables added to every command (before the per-command ones)
     */
    public LocalTransport(Path workDir, String name, Map<String, String> baseEnvironment) {
        this.workDir = workDir;
        this.name = name;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    public LocalTransport(Path workDir, String name) {
        this(workDir, name, Map.of());
    }

    /**
     * The command's output goes to a temporary file that this thread reads while it waits, not
     * to a pipe read by another thread: what the command wrote before it exited is always all
     * there when this returns (a reader thread given a fixed grace could come back empty-handed
     * on a busy machine), and a background process keeping the output open cannot block it.
     */
    @Override
    public CommandResult run(String command, Map<String, String> environment, Duration timeout, Consumer<String> output) {
        return run(command, environment, null, timeout, output);
    }

    @Override
    public CommandResult run(String command, Map<String, String> environment, InputStream stdin, Duration timeout,
                             Consumer<String> output) {
        Path capture = captureFile();
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(capture.toFile())
                    .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(baseEnvironment);
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new TransportException("cannot start /bin/sh on " + name + " in " + workDir + ": " + e.getMessage(),
                        "check that " + workDir + " exists and /bin/sh is installed", e);
            }
            if (stdin != null) {
                feed(stdin, process);
            }
            try (OutputLines lines = new OutputLines(capture, Commands.TAIL_LINES, output)) {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    lines.readNew();
                    if (System.nanoTime() >= deadline) {
                        throw new TransportException("command on " + name + " did not finish within " + timeout.toSeconds()
                                + "s and was killed: " + Commands.firstLine(command), "raise the timeout or look at what the command waits for", null);
                    }
                }
                lines.readNew();
                return new CommandResult(process.exitValue(), lines.finish());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while running a command on " + name, null, e);
            } catch (UncheckedIOException e) {
                throw new TransportException("cannot read the output of a command on " + name + ": " + e.getMessage(),
                        "check that " + System.getProperty("java.io.tmpdir") + " is readable and not full", e);
            } finally {
                // Whatever ended the wait (timeout, interrupt, a failing reader or output consumer), no child outlives it.
                if (process.isAlive()) {
                    killTree(process);
                }
            }
        } finally {
            try {
                Files.deleteIfExists(capture);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }

    /**
     * Copies {@code stdin} to the process on a thread of its own: this thread keeps reading output and
     * watching the timeout, and input that never ends (an open pipe) cannot hold the command up.
     */
    private void feed(InputStream stdin, Process process) {
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                stdin.transferTo(in);
            } catch (IOException e) {
                // the command exited or closed its input before reading all of it, as it may
            }
        }, "neckbeard-stdin-" + name);
        feeder.setDaemon(true);
        feeder.start();
    }

    private Path captureFile() {
        try {
            return Files.createTempFile("neckbeard-output-", ".log");
        } catch (IOException e) {
            throw new TransportException("cannot create a temporary file for the output of a command on " + name + ": "
                    + e.getMessage(), "check that " + System.getProperty("java.io.tmpdir") + " is writable", e);
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void upload(Path local, String remotePath) {
        Path target = resolve(remotePath);
        try {
            if (Files.isDirectory(local)) {
                FileTrees.copyTree(local, target);
            } else {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.copy(local, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TransportException("cannot copy " + local + " to " + target + " on " + name + ": " + e.getMessage(),
                    "check that " + local + " is readable and the disk is not full", e);
        }
    }

    @Override
    public void write(String remotePath, byte[] content, int mode) {
        Path target = resolve(remotePath);
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            // Created with its final mode before the content goes in, then renamed: a secret is never readable by others.
            Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            Files.write(temp, content);
            Files.setPosixFilePermissions(temp, permissions(mode));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new TransportException(target + " on " + name + " is in the way", "remove it", e);
        } catch (IOException e) {
            throw new TransportException("cannot write " + target + " on " + name + ": " + e.getMessage(),
                    "check the permissions of " + parent, e);
        }
    }

    /** POSIX permissions of an octal mode such as {@code 0600}. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                result.add(bits[bit]);
            }
        }
        return result;
    }

    private Path resolve(String remotePath) {
        return workDir.resolve(remotePath);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        // nothing is held between commands
    }
}
