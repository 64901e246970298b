package io.neckbeard.stack;

import io.neckbeard.transport.Transport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * Runs each Procfile process with {@code setsid} in its own process group, without a service
 * manager: output to {@code <root>/logs/<process>.log}, pid of the group leader in
 * {@code <root>/run/<process>.pid}. Used by the local provider, where nothing may need root.
 *
 * <p>The group leader is a small supervisor shell that restarts the process when it exits, as
 * systemd's {@code Restart=always} does: after 1 s, then 2 s, 4 s, ... up to {@value #MAX_BACKOFF_SECONDS} s,
 * back to 1 s once the process had stayed up {@value #STABLE_SECONDS} s. After each exit it writes
 * {@code run/<process>.exits} ({@code <exits since the deploy> <exit code> <epoch seconds>}) and
 * creates {@code run/<process>.down}, removed when the process runs again. Every process of the
 * group carries {@code NECKBEARD_PROCESS=<root>:<process>} in its environment, so the node's
 * processes are found even when a pid file was lost.
 */
public final class DirectProcessManager implements ProcessManager {
    public static final String NAME = "direct";
    /** The environment variable that marks every process the Stack starts: {@code <root>:<process>}. */
    public static final String MARKER = "NECKBEARD_PROCESS";
    static final int MAX_BACKOFF_SECONDS = 32;
    static final int STABLE_SECONDS = 60;

    /**
     * The supervisor, run by {@code /bin/sh -c} with {@code $1} the root, {@code $2} the process,
     * {@code $3} = 1 to keep {@code PORT}, {@code $4} the command. The process itself runs in a
     * child shell that reads the env file each time, so a supervisor's variables never reach it.
     */
    private static final String SUPERVISOR = String.join("\n",
            "cd \"$1\" || exit 1",
            "nb_r=$1; nb_name=$2; nb_exits=0; nb_delay=1",
            "while :; do",
            "  nb_started=$(date +%s)",
            "  rm -f \"$nb_r/run/$nb_name.down\"",
            "  /bin/sh -c 'cd \"$1/current\" || exit 1; set -a; . \"$1/shared/env\"; set +a; "
                    + "[ \"$2\" = 1 ] || unset PORT; exec /bin/sh -c \"$3\"' neckbeard-start \"$nb_r\" \"$3\" \"$4\"",
            "  nb_code=$?",
            "  nb_now=$(date +%s)",
            "  nb_exits=$((nb_exits + 1))",
            "  echo \"$nb_exits $nb_code $nb_now\" > \"$nb_r/run/$nb_name.exits.tmp\" "
                    + "&& mv -f \"$nb_r/run/$nb_name.exits.tmp\" \"$nb_r/run/$nb_name.exits\"",
            "  : > \"$nb_r/run/$nb_name.down\"",
            "  [ $((nb_now - nb_started)) -lt " + STABLE_SECONDS + " ] || nb_delay=1",
            "  echo \"neckbeard: $nb_name exited with code $nb_code; restarting it in ${nb_delay}s\"",
            "  sleep \"$nb_delay\"",
            "  nb_delay=$((nb_delay * 2)); [ $nb_delay -le " + MAX_BACKOFF_SECONDS + " ] || nb_delay=" + MAX_BACKOFF_SECONDS,
            "done");

    /** {@code stop_process NAME}: stops the process by its pid file, or by its marker when the file names no pid. */
    private static final String STOP_PROCESS = String.join("\n",
            "stop_process() {",
            "  stop_group \"$R/run/$1.pid\" \"" + MARKER + "=$R:$1\"",
            "  rm -f \"$R/run/$1.exits\" \"$R/run/$1.down\"",
            "}");

    /**
     * Starts process {@code $1} with command {@code $2}; {@code $3} = 1 keeps {@code PORT}. A
     * background job of a non-interactive shell is not a process group leader, so {@code setsid}
     * makes its new session in place, without forking: the job's pid, known at once, is the new
     * process group's id, and no restart waits for the process to report it. The pid file is
     * written beside and renamed, then read back: a pid that cannot be recorded (a full disk)
     * stops the process again and fails the deploy, instead of leaving a process no stop finds.
     */
    private static final String START = String.join("\n",
            "NB_SUPERVISOR=" + quote(SUPERVISOR),
            "start_process() {",
            "  rm -f \"$R/run/$1.exits\" \"$R/run/$1.down\"",
            "  " + MARKER + "=\"$R:$1\" setsid /bin/sh -c \"$NB_SUPERVISOR\" neckbeard-supervise \"$R\" \"$1\" \"$3\" \"$2\" "
                    + ">>\"$R/logs/$1.log\" 2>&1 </dev/null &",
            "  nb_pid=$!",
            "  if { echo \"$nb_pid\" > \"$R/run/$1.pid.tmp\" && mv -f \"$R/run/$1.pid.tmp\" \"$R/run/$1.pid\" "
                    + "&& read -r nb_rec < \"$R/run/$1.pid\" && [ \"$nb_rec\" = \"$nb_pid\" ]; } 2>/dev/null; then",
            "    echo \"started $1 (pid $nb_pid)\"",
            "  else",
            "    kill -KILL \"$nb_pid\" 2>/dev/null || true",
            "    kill -KILL -\"$nb_pid\" 2>/dev/null || true",
            "    rm -f \"$R/run/$1.pid.tmp\" 2>/dev/null || true",
            "    echo \"could not record the pid of $1 in $R/run/$1.pid (is the disk full?); stopped $1 again\"",
            "    return 1",
            "  fi",
            "}");

    @Override
    public List<String> restartScript(Transport transport, StackTarget target, List<ProcfileEntry> processes) {
        List<String> script = new ArrayList<>(List.of("R=" + quote(target.root()), StackCommands.STOP_GROUP, STOP_PROCESS, START));
        // Processes the new Procfile no longer has are stopped too.
        StringBuilder keep = new StringBuilder(" ");
        processes.forEach(p -> keep.append(p.name()).append(' '));
        script.add("for f in \"$R\"/run/*.pid; do [ -e \"$f\" ] || continue; n=${f##*/}; n=${n%.pid}; "
                + "case " + quote(keep.toString()) + " in *\" $n \"*) ;; *) stop_process \"$n\"; echo \"stopped $n\";; esac; done");
        script.addAll(restartEach(processes));
        return script;
    }

    @Override
    public List<String> restartOnlyScript(Transport transport, StackTarget target, List<ProcfileEntry> processes) {
        List<String> script = new ArrayList<>(List.of("R=" + quote(target.root()), StackCommands.STOP_GROUP, STOP_PROCESS, START));
        script.addAll(restartEach(processes));
        return script;
    }

    private static List<String> restartEach(List<ProcfileEntry> processes) {
        List<String> script = new ArrayList<>();
        for (ProcfileEntry process : processes) {
            script.add("stop_process " + process.name());
            script.add("start_process " + process.name() + " " + quote(process.command()) + " " + (process.web() ? "1" : "0"));
        }
        return script;
    }

    @Override
    public List<String> stopScript(StackTarget target) {
        return stopAllScript(target.root());
    }

    /** Stops every process of the node (see {@link #stopScript}); used when a local node is terminated. */
    public void stopAll(Transport transport, String root, Consumer<String> log) {
        StackCommands.run(transport, "stop the processes", StackCommands.lines(stopAllScript(root)), log);
    }

    /**
     * Stops the group of every pid file, then any process still carrying the node's marker (one
     * whose pid file was lost), and fails naming each process that is still there.
     */
    private static List<String> stopAllScript(String root) {
        return List.of("R=" + quote(root), StackCommands.STOP_GROUP, STOP_PROCESS,
                "for f in \"$R\"/run/*.pid; do [ -e \"$f\" ] || continue; n=${f##*/}; stop_process \"${n%.pid}\"; done",
                "for g in $(marked_groups \"" + MARKER + "=$R:\"); do stop_pgid \"$g\"; done",
                // a killed process leaves the process table a moment after the signal
                "nb_i=0; while [ -n \"$(marked_groups \"" + MARKER + "=$R:\")\" ] && [ $nb_i -lt 40 ]; do sleep 0.05; nb_i=$((nb_i+1)); done",
                "nb_left=0",
                "for g in $(marked_groups \"" + MARKER + "=$R:\"); do",
                "  echo \"process group $g of $R is still running after TERM and KILL: $(tr '\\0' ' ' < /proc/$g/cmdline 2>/dev/null)\"",
                "  nb_left=1",
                "done",
                "[ $nb_left = 0 ]");
    }

    @Override
    public List<String> inspectScript(StackTarget target, List<String> processes) {
        return List.of("R=" + quote(target.root()), StackCommands.STOP_GROUP, ProcessStatus.STARTED_AT,
                "inspect() {",
                "  nb_pid=; [ ! -f \"$R/run/$1.pid\" ] || read -r nb_pid < \"$R/run/$1.pid\" || true",
                "  if [ -z \"$nb_pid\" ]; then nb_state=missing",
                // right after the start the leader may not have made its group yet: it runs, so the process does
                "  elif ! group_running \"$nb_pid\" && ! { read -r nb_st 2>/dev/null < \"/proc/$nb_pid/stat\" "
                        + "&& nb_st=${nb_st##*\") \"} && [ \"${nb_st%% *}\" != Z ] && [ \"${nb_st%% *}\" != X ]; }; then",
                "    nb_state=stopped",
                "  elif [ -e \"$R/run/$1.down\" ]; then nb_state=down",
                "  else nb_state=running; fi",
                "  nb_exits='0 - -'; [ ! -f \"$R/run/$1.exits\" ] || read -r nb_exits < \"$R/run/$1.exits\" || true",
                // the app's process: down from the supervisor through the 'sh -c' shells that run it, each
                // with one child (a shell that has not forked yet stands for the app)
                "  nb_app=-; nb_at=-",
                "  if [ \"$nb_state\" = running ]; then",
                "    nb_app=$nb_pid",
                "    while [ \"$(tr '\\0' '\\n' < \"/proc/$nb_app/cmdline\" 2>/dev/null | sed -n 2p)\" = -c ]; do",
                // the file has no newline at its end: read fails though it read the pids
                "      nb_kids=; read -r nb_kids 2>/dev/null < \"/proc/$nb_app/task/$nb_app/children\" || [ -n \"$nb_kids\" ] || break",
                "      case $nb_kids in ''|*' '*) break;; esac",
                "      nb_app=$nb_kids",
                "    done",
                "    nb_at=$(started_at \"$nb_app\")",
                "  fi",
                "  echo \"" + ProcessStatus.PROCESS_LINE + " $1 $nb_state $nb_exits $nb_app $nb_at\"",
                "  [ \"$nb_state\" = running ] && [ \"${nb_exits%% *}\" = 0 ] || " + ProcessStatus.logTail("\"$R/logs/$1.log\"", "$1"),
                "}",
                StackCommands.forEachProcess(processes, "run", ".pid", "inspect"),
                "true");
    }

    /** Reads {@code <root>/logs/<process>.log} with {@code tail}; {@code -F} follows it across a rotation. */
    @Override
    public List<String> logScript(StackTarget target, List<String> processes, int lines, boolean follow) {
        return List.of("R=" + quote(target.root()),
                "show() {",
                "  tail -n " + lines + (follow ? " -F" : "") + " \"$R/logs/$1.log\" 2>/dev/null | " + ProcessStatus.prefixWith("$1"),
                "}",
                // followed at once, each to its end one after the other otherwise
                StackCommands.forEachProcess(processes, "run", ".pid", follow ? "{ show \"$n\" & }" : "show \"$n\""),
                "wait");
    }
}
