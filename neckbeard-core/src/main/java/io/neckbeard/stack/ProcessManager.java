package io.neckbeard.stack;

import io.neckbeard.transport.Transport;

import java.util.List;

/**
 * Runs a release's Procfile processes on a node, through shell commands over a Transport.
 * Processes run from {@code <root>/current} with the variables of {@code <root>/shared/env}.
 */
public interface ProcessManager {

    /**
     * Prepares the node for the processes (e.g. writes service files) and returns the shell
     * lines that stop the running instance of each process (if any) and start it again from the
     * current release. The Stack runs them inside its one deploy script, once {@code current}
     * points at the new release and {@code logs/} and {@code run/} exist, so they must not call
     * {@code exit} on success.
     */
    List<String> restartScript(Transport transport, StackTarget target, List<ProcfileEntry> processes);

    /**
     * The shell lines that restart the given processes of the current release (their units or
     * commands as the last deploy left them), leaving the node's other processes alone: the
     * repair of processes that stopped.
     */
    List<String> restartOnlyScript(Transport transport, StackTarget target, List<ProcfileEntry> processes);

    /** The shell lines that stop every process the Stack started on the node; the Stack runs them in its stop script. */
    List<String> stopScript(StackTarget target);

    /**
     * The shell lines that print the state of each named process (every process the manager
     * started when {@code processes} is empty) in the format {@link ProcessStatus} reads. They
     * change nothing on the node.
     */
    List<String> inspectScript(StackTarget target, List<String> processes);

    /**
     * The shell lines that print the last {@code lines} lines of each named process's output (every
     * process the manager started when {@code processes} is empty), each as {@code <process> <line>};
     * with {@code follow} they go on printing the lines written after and never end by themselves.
     * They change nothing on the node.
     */
    List<String> logScript(StackTarget target, List<String> processes, int lines, boolean follow);
}
