package io.neckbeard.cli.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The shaded neckbeard JAR (system property {@code neckbeard.jar}, set by failsafe) started as a
 * real process, its stdout and stderr going to files.
 */
public final class JarProcess {
    private final Process process;
    private final Path out;
    private final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code neckbeard -C project args...}, its output in {@code logs/<name>.out} and {@code .err}. */
    public static JarProcess start(Path project, Path logs, String name, String... args) throws IOException {
        return start(project, logs, name, Map.of(), args);
    }

    /** Starts the JAR with {@code environment} added to this process's environment variables. */
    public static JarProcess start(Path project, Path logs, String name, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("neckbeard.jar"), "-C", project.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new JarProcess(process, out, err);
    }

    public int await() throws InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("neckbeard did not finish within 3 minutes");
        }
        return process.exitValue();
    }

    /** Waits until {@code condition} holds; fails, with the process's stderr, if it exits first. */
    public void awaitWhileRunning(String what, Callable<Boolean> condition) throws Exception {
        Poll.until(what, () -> {
            boolean alive = process.isAlive(); // asked first: a process that ends just after making it true still passes
            if (condition.call()) {
                return true;
            }
            if (!alive) {
                throw new AssertionError("neckbeard exited " + process.exitValue() + " before " + what + "; stderr:\n" + err());
            }
            return false;
        });
    }

    /** SIGINT, as Ctrl-C sends it: shutdown hooks run. */
    public void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** SIGKILL: no shutdown hook runs, like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String err() throws IOException {
        return Files.readString(err);
    }

    public String out() throws IOException {
        return Files.readString(out);
    }
}
