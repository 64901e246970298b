package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import io.neckbeard.core.ExitCode;
import io.neckbeard.doctor.DoctorCheck;
import io.neckbeard.engine.DoctorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code doctor [ENV]}: one line per check of the setup, each failure with its fix; exit 1 when any fails. */
@Command(name = "doctor", description = "Check the setup: the configuration, the coordinator, cloud credentials and, for "
        + "ENV, each node of its active generation (reachable with a known host key, Stack root writable, disk space, "
        + "clock). One line per check, each failure with its fix. Exit 1 when any check fails.")
public final class DoctorCommand extends NeckbeardCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "Also check this environment's nodes.")
    String environment;

    @Override
    protected int execute(CliContext cli) {
        List<DoctorCheck> checks = new DoctorService(cli.project(), cli.plugins()).run(environment);
        boolean ok = checks.stream().allMatch(DoctorCheck::ok);
        if (cli.json()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("environment", environment);
            report.put("ok", ok);
            report.put("checks", checks);
            cli.printJson(report);
        } else {
            int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(0);
            for (DoctorCheck check : checks) {
                cli.out().println(String.format("%-4s  %-" + width + "s  %s", check.ok() ? "ok" : "FAIL", check.name(),
                        check.detail().replace("\n", "\n" + " ".repeat(width + 8))));
                if (check.fix() != null) {
                    cli.out().println(" ".repeat(width + 8) + "fix: " + check.fix());
                }
            }
        }
        return ok ? 0 : ExitCode.FAILED.code();
    }
}
