package io.neckbeard.transport;

import io.neckbeard.core.ExitCode;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs commands on a node and copies files to it: SSH for servers, plain processes for the
 * local provider. Paths on the node are absolute.
 */
public interface Transport extends AutoCloseable {

    /**
     * Runs {@code command} with {@code /bin/sh -c} on the node.
     *
     * @param environment extra environment variables for the command
     * @param output      receives each line of output as it arrives
     * @throws TransportException when the node cannot be reached or the timeout passes
     */
    CommandResult run(String command, Map<String, String> environment, Duration timeout, Consumer<String> output);

    /**
     * Like {@link #run(String, Map, Duration, Consumer)}, with {@code stdin} (read to its end, then
     * closed on the node) as the command's standard input; null gives it none. Transports that cannot
     * pass input refuse it; this default is theirs.
     */
    default CommandResult run(String command, Map<String, String> environment, InputStream stdin, Duration timeout,
                              Consumer<String> output) {
        if (stdin == null) {
            return run(command, environment, timeout, output);
        }
        throw new TransportException(ExitCode.USAGE, describe() + " cannot pass standard input to a command",
                "run the command without standard input (</dev/null)", null);
    }

    /** Copies a local file or directory tree to {@code remotePath}, creating parent directories. */
    void upload(Path local, String remotePath);

    /** Writes {@code content} to {@code remotePath} with the given POSIX mode (e.g. 0600 for secrets). */
    void write(String remotePath, byte[] content, int mode);

    /**
     * Puts every file on the node, in order, with the guarantees of {@link #upload} and {@link #write}.
     * A transport that talks to a remote node does it in one round trip; this default makes one call
     * per file (and runs {@code rm -rf} for an empty directory).
     */
    default void put(List<NodeFile> files) {
        for (NodeFile file : files) {
            if (file.local() != null) {
                upload(file.local(), file.path());
            } else if (file.content() != null) {
                write(file.path(), file.content(), file.mode());
            } else {
                String dir = ShellQuote.quote(file.path());
                CommandResult result = run("rm -rf " + dir + " && mkdir -p " + dir, Map.of(), Duration.ofMinutes(1), line -> { });
                if (!result.succeeded()) {
                    throw new TransportException("cannot empty " + file.path() + " on " + describe() + ": " + result.outputTail(),
                            "check that the directory is writable", null);
                }
            }
        }
    }

    /**
     * Puts the files as {@link #put} does, then runs {@code command} as {@link #run(String, Map, Duration, Consumer)}
     * does, once every file is in place. A transport that talks to a remote node does both in one round
     * trip; this default makes the two calls.
     *
     * @throws TransportException when a file cannot be put: the command does not run
     */
    default CommandResult putAndRun(List<NodeFile> files, String command, Map<String, String> environment, Duration timeout,
                                    Consumer<String> output) {
        put(files);
        return run(command, environment, timeout, output);
    }

    /**
     * Connects now rather than on first use, so a connection can be made before the node is worked
     * on; changes nothing on the node. Transports without a connection of their own do nothing.
     *
     * @throws TransportException when the node cannot be reached
     */
    default void connect() {
    }

    /** For messages: {@code deploy@10.0.0.5:22}, {@code local:app-1}. */
    String describe();

    @Override
    void close();
}
