package io.neckbeard.transport;

/** How a command on a node ended; {@code outputTail} holds its last lines (stdout and stderr). */
public record CommandResult(int exitCode, String outputTail) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
