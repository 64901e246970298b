package io.neckbeard.engine;

import io.neckbeard.stack.ProcessStatus;

import java.util.List;

/**
 * The Procfile processes of one node as its process manager reports them ({@code ps}).
 *
 * @param processes empty when the node could not be asked
 * @param problem   why the node could not be asked, or null
 */
public record NodeProcesses(String node, String type, List<ProcessStatus> processes, String problem) {
    public NodeProcesses {
        processes = List.copyOf(processes);
    }
}
