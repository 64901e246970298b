package io.neckbeard.stack;

import io.neckbeard.transport.Transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * Runs each Procfile process as a systemd service {@code <app>-<process>.service}
 * ({@code Restart=always}, the env file as {@code EnvironmentFile}, the current release as
 * working directory). The command goes into {@code <root>/shared/procs/<process>.sh}, so no
 * systemd quoting or {@code %}/{@code $} expansion can change it.
 */
public final class SystemdProcessManager implements ProcessManager {
    public static final String NAME = "systemd";
    public static final String UNIT_DIR = "/etc/systemd/system";

    private final String unitDir;

    /** @param unitDir where unit files are written ({@link #UNIT_DIR} on servers; a temp dir in tests) */
    public SystemdProcessManager(String unitDir) {
        this.unitDir = unitDir;
    }

    public SystemdProcessManager() {
        this(UNIT_DIR);
    }

    @Override
    public List<String> restartScript(Transport transport, StackTarget target, List<ProcfileEntry> processes) {
        List<String> units = new ArrayList<>();
        for (ProcfileEntry process : processes) {
            String script = target.root() + "/shared/procs/" + process.name() + ".sh";
            transport.write(script, ("#!/bin/sh\nexec " + process.command() + "\n").getBytes(StandardCharsets.UTF_8), 0755);
            String unit = unitName(target.app(), process.name());
            transport.write(unitDir + "/" + unit, unitFile(target, process, script).getBytes(StandardCharsets.UTF_8), 0644);
            units.add(quote(unit));
        }
        String names = String.join(" ", units);
        return List.of("systemctl daemon-reload", "systemctl enable " + names, "systemctl restart " + names);
    }

    @Override
    public List<String> restartOnlyScript(Transport transport, StackTarget target, List<ProcfileEntry> processes) {
        return List.of("systemctl restart " + String.join(" ",
                processes.stream().map(p -> quote(unitName(target.app(), p.name()))).toList()));
    }

    @Override
    public List<String> stopScript(StackTarget target) {
        return List.of("systemctl stop " + quote(target.app() + "-*.service") + " || true");
    }

    /**
     * {@code systemctl show} per unit: {@code active} is running, {@code activating} (waiting for
     * its {@code RestartSec}) is down, anything else stopped; {@code NRestarts} counts the exits
     * since the unit was last started by hand; the log is the unit's journal.
     */
    @Override
    public List<String> inspectScript(StackTarget target, List<String> processes) {
        return List.of("R=" + quote(target.root()) + "; A=" + quote(target.app()), ProcessStatus.STARTED_AT,
                "inspect() {",
                "  u=\"$A-$1.service\"",
                "  case $(systemctl show -p ActiveState --value \"$u\" 2>/dev/null) in",
                "    active) s=running;; activating) s=down;; '') s=missing;; *) s=stopped;; esac",
                "  n=$(systemctl show -p NRestarts --value \"$u\" 2>/dev/null); c=$(systemctl show -p ExecMainStatus --value \"$u\" 2>/dev/null)",
                "  p=$(systemctl show -p MainPID --value \"$u\" 2>/dev/null); [ \"$s\" = running ] && [ \"${p:-0}\" != 0 ] || p=-",
                "  t=-; [ \"$p\" = - ] || t=$(started_at \"$p\")",
                "  echo \"" + ProcessStatus.PROCESS_LINE + " $1 $s ${n:-0} ${c:--} - $p $t\"",
                "  [ \"$s\" = running ] && [ \"${n:-0}\" = 0 ] || journalctl -u \"$u\" -n " + ProcessStatus.LOG_LINES
                        + " --no-pager -o cat 2>/dev/null | sed \"s/^/" + ProcessStatus.LOG_LINE + " $1 /\"",
                "}",
                StackCommands.forEachProcess(processes, "shared/procs", ".sh", "inspect"),
                "true");
    }

    /** Reads the journal of each process's unit ({@code journalctl -f} follows it). */
    @Override
    public List<String> logScript(StackTarget target, List<String> processes, int lines, boolean follow) {
        return List.of("R=" + quote(target.root()) + "; A=" + quote(target.app()),
                "show() {",
                "  journalctl -u \"$A-$1.service\" -n " + lines + (follow ? " -f" : "") + " --no-pager -o cat 2>/dev/null | "
                        + ProcessStatus.prefixWith("$1"),
                "}",
                StackCommands.forEachProcess(processes, "shared/procs", ".sh", follow ? "{ show \"$n\" & }" : "show \"$n\""),
                "wait");
    }

    static String unitName(String app, String process) {
        return app + "-" + process + ".service";
    }

    /** The unit text; {@code PORT} from the env file is kept for the {@code web} process only. */
    static String unitFile(StackTarget target, ProcfileEntry process, String script) {
        List<String> lines = new ArrayList<>(List.of(
                "[Unit]",
                "Description=" + target.app() + " " + process.name() + " (neckbeard " + target.environment() + ")",
                "After=network.target",
                "",
                "[Service]",
                "Type=simple",
                "WorkingDirectory=" + target.root() + "/current",
                "EnvironmentFile=" + target.root() + "/shared/env",
                "ExecStart=/bin/sh " + script,
                "Restart=always",
                "RestartSec=2"));
        if (!process.web()) {
            lines.add("UnsetEnvironment=PORT");
        }
        lines.addAll(List.of("", "[Install]", "WantedBy=multi-user.target"));
        return StackCommands.lines(lines);
    }
}
