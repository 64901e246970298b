package io.neckbeard.stack;

import io.neckbeard.transport.Transport;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a release's Procfile processes on a node, through shell commands over a Transport.
 * Processes run from {@code <root>/current} with the variables of {@code <root>/shared/env}.
 */
public interface ProcessManager {

    /** Stops the running instance of each process (if any) and starts it again from the current release. */
    void restart(Transport transport, StackTarget target, List<ProcfileEntry> processes, Consumer<String> log);

    /** Stops every process the Stack started on the node. */
    void stop(Transport transport, StackTarget target);
}
