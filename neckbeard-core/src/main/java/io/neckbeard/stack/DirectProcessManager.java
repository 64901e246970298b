package io.neckbeard.stack;

import io.neckbeard.transport.Transport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.neckbeard.stack.ShellQuote.quote;

/**
 * Runs each Procfile process with {@code setsid} in its own process group, without a service
 * manager: output to {@code <root>/logs/<process>.log}, pid of the group leader in
 * {@code <root>/run/<process>.pid}. Used by the local provider, where nothing may need root.
 */
public final class DirectProcessManager implements ProcessManager {
    public static final String NAME = "direct";

    /**
     * Starts process {@code $1} with command {@code $2}; {@code $3} = 1 keeps {@code PORT}. A
     * background job of a non-interactive shell is not a process group leader, so {@code setsid}
     * makes its new session in place, without forking: the job's pid, known at once, is the new
     * process group's id, and no restart waits for the process to report it.
     */
    private static final String START = String.join("\n",
            "start_process() {",
            "  setsid /bin/sh -c 'cd \"$1\" || exit 1; set -a; . \"$2\"; set +a; "
                    + "[ \"$3\" = 1 ] || unset PORT; exec /bin/sh -c \"$4\"' neckbeard-start \"$R/current\" \"$R/shared/env\" \"$3\" \"$2\" "
                    + ">>\"$R/logs/$1.log\" 2>&1 </dev/null &",
            "  echo $! > \"$R/run/$1.pid\"",
            "  echo \"started $1 (pid $!)\"",
            "}");

    @Override
    public List<String> restartScript(Transport transport, StackTarget target, List<ProcfileEntry> processes) {
        List<String> script = new ArrayList<>(List.of("R=" + quote(target.root()), StackCommands.STOP_GROUP, START));
        // Processes the new Procfile no longer has are stopped too.
        StringBuilder keep = new StringBuilder(" ");
        processes.forEach(p -> keep.append(p.name()).append(' '));
        script.add("for f in \"$R\"/run/*.pid; do [ -e \"$f\" ] || continue; n=${f##*/}; n=${n%.pid}; "
                + "case " + quote(keep.toString()) + " in *\" $n \"*) ;; *) stop_group \"$f\"; echo \"stopped $n\";; esac; done");
        for (ProcfileEntry process : processes) {
            script.add("stop_group \"$R/run/" + process.name() + ".pid\"");
            script.add("start_process " + process.name() + " " + quote(process.command()) + " " + (process.web() ? "1" : "0"));
        }
        return script;
    }

    @Override
    public List<String> stopScript(StackTarget target) {
        return stopAllScript(target.root());
    }

    /** Stops every process group with a pid file under {@code <root>/run}; used when a node is terminated. */
    public void stopAll(Transport transport, String root, Consumer<String> log) {
        StackCommands.run(transport, "stop the processes", StackCommands.lines(stopAllScript(root)), log);
    }

    private static List<String> stopAllScript(String root) {
        return List.of("R=" + quote(root), StackCommands.STOP_GROUP,
                "for f in \"$R\"/run/*.pid; do [ -e \"$f\" ] || continue; stop_group \"$f\"; done");
    }
}
