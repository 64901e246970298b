package io.neckbeard.engine;

import io.neckbeard.stack.ProcessStatus;

import java.util.List;

/**
 * The Procfile processes of one node as its process manager reports them ({@code ps}).
 *
 * @param processes empty when the node could not be asked
 * @param problem   why the node could not be asked, or null
 * @param skipped   why the node was not asked (a managed resource runs no processes), or null
 */
public record NodeProcesses(String node, String type, List<ProcessStatus> processes, String problem, String skipped) {
    public NodeProcesses {
        processes = List.copyOf(processes);
    }
}
