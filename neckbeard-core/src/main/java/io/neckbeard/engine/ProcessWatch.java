package io.neckbeard.engine;

import io.neckbeard.health.HealthResult;
import io.neckbeard.stack.ProcessStatus;
import io.neckbeard.stack.Stack;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.transport.Transport;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Looks at a node's Procfile processes while the engine judges its health: a node whose
 * processes do not all run is not healthy, whatever its health check says, and one whose
 * process exited since the deploy started it has failed (there is no point in waiting).
 *
 * @param processes   the process names to look at; empty for every process the Stack started
 * @param sinceDeploy the deploy just started them: an exit since then is a failure
 * @param secrets     the environment's config-var values: masked in the log lines a verdict quotes,
 *                    which go to the state and to error messages
 */
record ProcessWatch(Stack stack, Transport transport, StackTarget target, List<String> processes, boolean sinceDeploy,
                    Collection<String> secrets) {
    /** Values this short are not masked: they would blank out ordinary words and numbers. */
    static final int SHORTEST_MASKED = 4;
    static final String MASK = "***";

    ProcessWatch {
        processes = List.copyOf(processes);
        secrets = secrets.stream().filter(v -> v.length() >= SHORTEST_MASKED).toList();
    }

    /**
     * What one look found.
     *
     * @param processes the names of the processes looked at
     */
    record Verdict(boolean running, boolean failed, String detail, List<String> processes) {
        HealthResult unhealthy() {
            return HealthResult.unhealthy(detail);
        }
    }

    /** The processes as their process manager reports them now. */
    List<ProcessStatus> inspect() {
        return stack.inspect(transport, target, processes);
    }

    Verdict observe() {
        List<ProcessStatus> statuses;
        try {
            statuses = inspect();
        } catch (RuntimeException e) {
            return new Verdict(false, false, "cannot look at the processes: " + Failures.describe(e), processes);
        }
        List<String> names = statuses.stream().map(ProcessStatus::name).toList();
        List<ProcessStatus> exited = statuses.stream().filter(ProcessStatus::exited).toList();
        if (sinceDeploy && !exited.isEmpty()) {
            return new Verdict(false, true, describe(exited), names);
        }
        List<ProcessStatus> notRunning = statuses.stream().filter(s -> !s.running()).toList();
        if (!notRunning.isEmpty()) {
            return new Verdict(false, false, describe(notRunning), names);
        }
        if (statuses.isEmpty()) {
            return new Verdict(false, false, "no process of the Stack was started on the node", names);
        }
        return new Verdict(true, false, String.join(", ", names) + (names.size() == 1 ? " runs" : " run"), names);
    }

    private String describe(List<ProcessStatus> statuses) {
        String text = statuses.stream().map(ProcessStatus::describe).collect(Collectors.joining("\n"));
        for (String secret : secrets) {
            text = text.replace(secret, MASK);
        }
        return text;
    }
}
