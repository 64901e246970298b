package io.neckbeard.transport.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Follows a command's output file: each call to {@link #readNew} passes the complete lines
 * written since the last call to the consumer and keeps the last few as the tail. A line
 * without its newline is held back until more arrives, or passed on by {@link #finish}.
 */
final class OutputLines implements AutoCloseable {
    private final FileChannel file;
    private final int tailLines;
    private final Consumer<String> consumer;
    private final Deque<String> tail = new ArrayDeque<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);

    OutputLines(Path output, int tailLines, Consumer<String> consumer) {
        try {
            this.file = FileChannel.open(output, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command output in " + output, e);
        }
        this.tailLines = tailLines;
        this.consumer = consumer;
    }

    void readNew() {
        try {
            while (file.read(buffer.clear()) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        emit();
                    } else {
                        partial.write(b);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command output", e);
        }
    }

    /** Passes on a last line that has no newline and returns the last lines, joined with newlines. */
    String finish() {
        if (partial.size() > 0) {
            emit();
        }
        return String.join("\n", tail);
    }

    private void emit() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        tail.addLast(line);
        if (tail.size() > tailLines) {
            tail.removeFirst();
        }
        consumer.accept(line);
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }
}
