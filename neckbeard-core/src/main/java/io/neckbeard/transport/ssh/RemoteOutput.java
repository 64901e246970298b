package io.neckbeard.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a remote command's stdout and stderr go. The SSH I/O thread only splits bytes into lines
 * and queues them; the caller's thread passes them on with {@link #drainTo}, so a slow consumer
 * never stalls the session, and keeps the last lines as the tail. The caller waits for the command
 * with {@link #await}, which output and the end of the output ({@link #close}, at the channel's
 * end of file) cut short.
 */
final class RemoteOutput extends OutputStream {
    private final int tailLines;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Deque<String> pending = new ArrayDeque<>();
    private final Deque<String> tail = new ArrayDeque<>();
    /** Output or its end came since the last {@link #await}. */
    private boolean active;

    RemoteOutput(int tailLines) {
        this.tailLines = tailLines;
    }

    /**
     * Waits up to {@code millis} for output or the end of the output.
     *
     * @return whether either came (or had come since the last call) before the wait was over
     */
    synchronized boolean await(long millis) throws InterruptedException {
        if (!active) {
            wait(millis);
        }
        boolean woken = active;
        active = false;
        return woken;
    }

    @Override
    public synchronized void close() {
        active = true;
        notifyAll();
    }

    @Override
    public synchronized void write(int b) {
        active = true;
        notifyAll();
        if (b == '\n') {
            pending.addLast(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
        } else {
            partial.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Passes the lines complete so far to {@code consumer}, in the caller's thread. */
    void drainTo(Consumer<String> consumer) {
        for (String line : take(false)) {
            remember(line);
            consumer.accept(line);
        }
    }

    /** Passes on what is left, a last line without its newline included, and returns the tail. */
    String finish(Consumer<String> consumer) {
        for (String line : take(true)) {
            remember(line);
            consumer.accept(line);
        }
        return String.join("\n", tail);
    }

    private synchronized List<String> take(boolean withPartial) {
        if (withPartial && partial.size() > 0) {
            pending.addLast(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
        }
        List<String> lines = List.copyOf(pending);
        pending.clear();
        return lines;
    }

    private void remember(String line) {
        tail.addLast(line);
        if (tail.size() > tailLines) {
            tail.removeFirst();
        }
    }
}
