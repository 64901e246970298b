package io.neckbeard.transport;

import java.nio.file.Path;
import java.time.Duration;
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

    /** Copies a local file or directory tree to {@code remotePath}, creating parent directories. */
    void upload(Path local, String remotePath);

    /** Writes {@code content} to {@code remotePath} with the given POSIX mode (e.g. 0600 for secrets). */
    void write(String remotePath, byte[] content, int mode);

    /** For messages: {@code deploy@10.0.0.5:22}, {@code local:app-1}. */
    String describe();

    @Override
    void close();
}
