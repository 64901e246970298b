package io.neckbeard.engine;

import io.neckbeard.health.HealthResult;
import io.neckbeard.stack.ProcessStatus;
import io.neckbeard.stack.Stack;
import io.neckbeard.stack.StackTarget;
import io.neckbeard.transport.Transport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Looks at a node's Procfile processes while the engine judges its health: a node whose
 * processes do not all run is not healthy, whatever its health check says, and one whose
 * process exited since the deploy started it has failed (there is no point in waiting).
 *
 * @param processes   the process names to look at; empty for every process the Stack started
 * @param sinceDeploy the deploy just started them: an exit since then is a failure
 */
record ProcessWatch(Stack stack, Transport transport, StackTarget target, List<String> processes, boolean sinceDeploy) {
    ProcessWatch {
        processes = List.copyOf(processes);
    }

    /** What one look found. */
    record Verdict(boolean running, boolean failed, String detail) {
        HealthResult unhealthy() {
            return HealthResult.unhealthy(detail);
        }
    }

    Verdict observe() {
        List<ProcessStatus> statuses;
        try {
            statuses = stack.inspect(transport, target, processes);
        } catch (RuntimeException e) {
            return new Verdict(false, false, "cannot look at the processes: " + Failures.describe(e));
        }
        List<ProcessStatus> exited = statuses.stream().filter(ProcessStatus::exited).toList();
        if (sinceDeploy && !exited.isEmpty()) {
            return new Verdict(false, true, describe(exited));
        }
        List<ProcessStatus> notRunning = statuses.stream().filter(s -> !s.running()).toList();
        if (!notRunning.isEmpty()) {
            return new Verdict(false, false, describe(notRunning));
        }
        if (statuses.isEmpty()) {
            return new Verdict(false, false, "no process of the Stack was started on the node");
        }
        return new Verdict(true, false, statuses.stream().map(ProcessStatus::name).collect(Collectors.joining(", "))
                + (statuses.size() == 1 ? " runs" : " run"));
    }

    private static String describe(List<ProcessStatus> statuses) {
        return statuses.stream().map(ProcessStatus::describe).collect(Collectors.joining("\n"));
    }
}
