package io.neckbeard.stack;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.VarNames;
import io.neckbeard.packager.Slug;
import io.neckbeard.provisioner.ProvisionSteps;
import io.neckbeard.provisioner.ProvisionerException;
import io.neckbeard.transport.NodeFile;
import io.neckbeard.transport.Transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * The Neckbeard Stack: puts a slug on a node and runs it. Layout under the root:
 * {@code slugs/}, {@code releases/<slug id>/}, {@code current -> releases/<id>},
 * {@code shared/env} (0600), {@code logs/}, {@code run/}. Every step is a shell command or a
 * file copy through the {@link Transport}, so the same code works locally and over SSH; a deploy
 * is one copy followed by one command, in one round trip ({@link Transport#putAndRun}).
 */
public final class Stack {
    /** A followed log has no end of its own: this only bounds a command nobody stops. */
    private static final Duration FOLLOW_TIMEOUT = Duration.ofDays(365);

    private final Map<String, ProcessManager> processManagers;

    /** Parsed Procfiles by slug digest. */
    private final Map<String, List<ProcfileEntry>> procfiles = new ConcurrentHashMap<>();

    /** @param processManagers by name ({@code direct}, {@code systemd}) */
    public Stack(Map<String, ProcessManager> processManagers) {
        this.processManagers = Map.copyOf(processManagers);
    }

    /** The built-in process managers, systemd writing units to {@code /etc/systemd/system}. */
    public static Stack standard() {
        return new Stack(Map.of(DirectProcessManager.NAME, new DirectProcessManager(),
                SystemdProcessManager.NAME, new SystemdProcessManager()));
    }

    /**
     * The slug's Procfile processes, read from the slug once however many nodes deploy it. Call it
     * before touching any node: a malformed Procfile fails (exit 2) while every node still serves.
     */
    public List<ProcfileEntry> processes(Slug slug) {
        return procfiles.computeIfAbsent(slug.digest(), digest -> SlugProcfile.read(slug));
    }

    /**
     * Uploads and unpacks the slug (an existing release is reused), writes the env file,
     * switches {@code current} atomically, restarts the Procfile's processes and prunes old
     * releases, keeping the newest {@code keep_releases} and always the current one.
     */
    public void deploy(Transport transport, Slug slug, StackTarget target, Consumer<String> log) {
        deploy(transport, slug, target, ProvisionSteps.NONE, log);
    }

    /**
     * Provisions the node with {@code provisioning}, then deploys as {@link #deploy(Transport, Slug, StackTarget, Consumer)}
     * does, in one round trip: a copy of every file (the provisioner's, the slug, the env file), then
     * one command that runs the provisioner's commands and the deploy script, streaming their output.
     *
     * @throws ProvisionerException when provisioning fails: the deploy does not start
     * @throws StackException       when the deploy fails, with the tail of its output
     */
    public void deploy(Transport transport, Slug slug, StackTarget target, ProvisionSteps provisioning, Consumer<String> log) {
        ProcessManager manager = processManager(target);
        List<ProcfileEntry> processes = processes(slug);
        String root = target.root();
        String release = root + "/releases/" + slug.id();
        String slugPath = root + "/slugs/" + slug.id() + ".tar.gz";
        List<NodeFile> files = List.of(NodeFile.copy(slug.file(), slugPath),
                NodeFile.bytes(root + "/shared/env", envFile(target, slug).getBytes(StandardCharsets.UTF_8), 0600));
        List<String> script = new ArrayList<>(List.of(
                "set -e",
                // names the step that failed in the output tail the error message carries
                "trap 'status=$?; [ $status -eq 0 ] || echo \"neckbeard stack: could not $step (exit $status)\"' EXIT",
                "step=" + quote("prepare " + root),
                "mkdir -p " + quote(root + "/releases") + " " + quote(root + "/logs") + " " + quote(root + "/run"),
                "step=" + quote("unpack release " + slug.id()),
                "if [ ! -d " + quote(release) + " ]; then",
                // unpacked beside, then renamed: a half-unpacked release never looks complete
                "  echo 'unpacking release " + slug.id() + "'",
                "  [ ! -e " + quote(release + ".tmp") + " ] || rm -rf " + quote(release + ".tmp"),
                "  mkdir " + quote(release + ".tmp"),
                "  tar -xzf " + quote(slugPath) + " -C " + quote(release + ".tmp"),
                "  mv " + quote(release + ".tmp") + " " + quote(release),
                "fi",
                "touch " + quote(release),
                "step=" + quote("switch current to " + slug.id()),
                "ln -sfn " + quote(release) + " " + quote(root + "/current.tmp"),
                "mv -T " + quote(root + "/current.tmp") + " " + quote(root + "/current"),
                "step=" + quote("start the processes")));
        script.addAll(manager.restartScript(transport, target, processes));
        script.add("step=" + quote("prune old releases"));
        script.addAll(pruneScript(target, slug));
        String step = "deploy release " + slug.id();
        provisioning.andThen(files, new ProvisionSteps.Command(step, "deploying release " + slug.id(), StackCommands.lines(script),
                Map.of(), StackCommands.STEP_TIMEOUT, (result, node) -> StackCommands.failure(step, node, result))).runOn(transport, log);
    }

    /**
     * Before a node is terminated: stops every process of its release, then removes its env file,
     * which holds the config vars, since a host that outlives the node (a {@code static} one) must
     * not keep them.
     */
    public void stop(Transport transport, StackTarget target) {
        List<String> script = new ArrayList<>(processManager(target).stopScript(target));
        script.add("rm -f " + quote(target.root() + "/shared/env"));
        StackCommands.run(transport, "stop the processes", StackCommands.lines(script), line -> { });
    }

    /**
     * Restarts the given processes of the node's current release, without a new release: the
     * repair of processes that stopped (killed, or their host rebooted).
     */
    public void restart(Transport transport, StackTarget target, List<ProcfileEntry> processes, Consumer<String> log) {
        List<String> script = new ArrayList<>(List.of("set -e",
                "mkdir -p " + quote(target.root() + "/logs") + " " + quote(target.root() + "/run")));
        script.addAll(processManager(target).restartOnlyScript(transport, target, processes));
        StackCommands.run(transport, "restart the processes", StackCommands.lines(script), log);
    }

    /**
     * The state of the node's processes: those named, or every process the Stack started when
     * {@code processes} is empty. One command on the node; changes nothing.
     */
    public List<ProcessStatus> inspect(Transport transport, StackTarget target, List<String> processes) {
        List<String> output = new ArrayList<>();
        StackCommands.run(transport, "inspect the processes",
                StackCommands.lines(processManager(target).inspectScript(target, processes)), output::add);
        return ProcessStatus.parse(output);
    }

    /**
     * Passes the last {@code lines} lines of the node's process output (of the named processes,
     * or of every process the Stack started) to {@code output} as (process, line); with
     * {@code follow}, then the lines written after, until the calling thread is interrupted. One
     * command on the node, which streams.
     */
    public void logs(Transport transport, StackTarget target, List<String> processes, int lines, boolean follow,
                     BiConsumer<String, String> output) {
        String script = StackCommands.lines(processManager(target).logScript(target, processes, lines, follow));
        StackCommands.run(transport, "read the process logs", script, follow ? FOLLOW_TIMEOUT : StackCommands.STEP_TIMEOUT, line -> {
            int space = line.indexOf(' ');
            output.accept(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
        });
    }

    private ProcessManager processManager(StackTarget target) {
        ProcessManager manager = processManagers.get(target.processManager());
        if (manager == null) {
            throw new NeckbeardException(ExitCode.USAGE, "unknown process manager '" + target.processManager() + "' (at stack.process_manager)",
                    "use one of: " + String.join(", ", new TreeMap<>(processManagers).keySet()));
        }
        return manager;
    }

    /**
     * {@code KEY='value'} lines: the node's {@code app_env}, then the config vars (which win), then
     * the Stack's own variables (which win over both). {@code /bin/sh} reads the file with {@code .},
     * so it must hold nothing but assignments: every name is checked here, whatever checked it
     * before (a name read from a hand-edited state must not become a command), and every value is
     * single-quoted.
     */
    static String envFile(StackTarget target, Slug slug) {
        Map<String, String> vars = new TreeMap<>(target.appEnv());
        vars.putAll(target.configVars());
        vars.put("NECKBEARD_APP", target.app());
        vars.put("NECKBEARD_ENV", target.environment());
        vars.put("NECKBEARD_NODE", target.node());
        vars.put("NECKBEARD_GENERATION", Long.toString(target.generation()));
        vars.put("NECKBEARD_RELEASE", slug.id());
        if (target.address() != null) {
            vars.put("NECKBEARD_ADDRESS", target.address());
        }
        if (target.port() != null) {
            vars.put("PORT", target.port().toString());
        }
        StringBuilder text = new StringBuilder();
        vars.forEach((key, value) -> {
            if (!VarNames.valid(key)) {
                throw new StackException("the env file of " + target.node() + " was not written: '" + key
                        + "' is not a valid variable name", VarNames.RULE + " for app_env keys and config var names");
            }
            text.append(key).append('=').append(quote(value)).append('\n');
        });
        return text.toString();
    }

    /** In a subshell, so the {@code cd} cannot fail the deploy and stays local; lists nothing while there is nothing to prune. */
    private static List<String> pruneScript(StackTarget target, Slug slug) {
        return List.of(
                "(",
                "cd " + quote(target.root() + "/releases") + " || exit 0",
                "n=0; for d in *; do case $d in *.tmp) ;; *) n=$((n + 1));; esac; done",
                "[ $n -gt " + target.keepReleases() + " ] || exit 0",
                "ls -1t | grep -v '\\.tmp$' | tail -n +" + (target.keepReleases() + 1) + " | while read -r id; do",
                "  [ \"$id\" = " + quote(slug.id()) + " ] && continue",
                "  rm -rf \"$id\" \"../slugs/$id.tar.gz\" && echo \"removed release $id\"",
                "done",
                ")");
    }
}
