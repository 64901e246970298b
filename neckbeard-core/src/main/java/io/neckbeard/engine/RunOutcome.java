package io.neckbeard.engine;

/**
 * How a {@code run} command ended on one node.
 *
 * @param exitCode the command's exit code, or -1 when the node could not be reached
 * @param output   the tail of its output (stdout and stderr)
 */
public record RunOutcome(String node, int exitCode, String output) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
