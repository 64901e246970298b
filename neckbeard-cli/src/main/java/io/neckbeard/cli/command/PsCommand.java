package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.DurationText;
import io.neckbeard.cli.TextTable;
import io.neckbeard.core.ExitCode;
import io.neckbeard.engine.DeployContext;
import io.neckbeard.engine.NodeProcesses;
import io.neckbeard.engine.ProcessListService;
import io.neckbeard.stack.ProcessStatus;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ps ENV [--node N | --type T]}: each node's Procfile processes as the process manager reports them. */
@Command(name = "ps", description = "List each Procfile process of the active generation's nodes: state, pid, uptime and "
        + "restarts, from the process manager. Exit 1 when a node cannot be asked.")
public final class PsCommand extends NeckbeardCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Mixin
    NodeFilter only = new NodeFilter();

    @Override
    protected int execute(CliContext cli) {
        List<NodeProcesses> nodes;
        try (DeployContext context = DeployContext.openWithoutProvisioning(cli.project(), environment, cli.plugins(), cli.options().lockTimeout())) {
            nodes = new ProcessListService(context).list(only.node(), only.type());
        }
        Instant now = Instant.now();
        boolean ok = nodes.stream().allMatch(n -> n.problem() == null);
        if (cli.json()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("environment", environment);
            report.put("nodes", nodes.stream().map(n -> json(n, now)).toList());
            cli.printJson(report);
        } else {
            TextTable table = new TextTable("NODE", "TYPE", "PROCESS", "STATE", "PID", "UPTIME", "RESTARTS");
            for (NodeProcesses node : nodes) {
                node.processes().forEach(p -> table.row(node.node(), node.type(), p.name(), p.state(), p.pid(),
                        uptime(p, now) == null ? null : DurationText.of(uptime(p, now)), p.exits()));
                if (node.skipped() != null) {
                    table.row(node.node(), node.type(), null, "skipped: " + node.skipped(), null, null, null);
                } else if (node.problem() == null && node.processes().isEmpty()) {
                    table.row(node.node(), node.type(), null, "no processes started", null, null, null);
                }
            }
            table.print(cli.out(), "");
        }
        nodes.stream().filter(n -> n.problem() != null).forEach(n -> cli.err().println("error: " + n.node() + ": " + n.problem()));
        return ok ? 0 : ExitCode.FAILED.code();
    }

    private static Duration uptime(ProcessStatus process, Instant now) {
        if (process.startedAt() == null) {
            return null;
        }
        Duration uptime = Duration.between(process.startedAt(), now);
        return uptime.isNegative() ? Duration.ZERO : uptime; // the node's clock may run ahead of this one
    }

    private static Map<String, Object> json(NodeProcesses node, Instant now) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("node", node.node());
        entry.put("type", node.type());
        List<Map<String, Object>> processes = new ArrayList<>();
        for (ProcessStatus p : node.processes()) {
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("name", p.name());
            process.put("state", p.state());
            process.put("pid", p.pid());
            process.put("started_at", p.startedAt() == null ? null : p.startedAt().toString());
            Duration uptime = uptime(p, now);
            process.put("uptime_seconds", uptime == null ? null : uptime.toSeconds());
            process.put("restarts", p.exits());
            process.put("last_exit_code", p.lastExitCode());
            processes.add(process);
        }
        entry.put("processes", processes);
        entry.put("error", node.problem());
        entry.put("skipped", node.skipped());
        return entry;
    }
}
