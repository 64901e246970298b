package io.neckbeard.engine;

import io.neckbeard.config.ConfigException;
import io.neckbeard.config.ConfigLoader;
import io.neckbeard.model.Problem;
import io.neckbeard.model.Project;
import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.doctor.DoctorCheck;
import io.neckbeard.doctor.ProjectChecks;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.stack.Stack;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code doctor [ENV]}: what a new user gets wrong, one check at a time, each failure with its fix.
 * The configuration, the coordinator (read and a write test on the side, no state changed), the
 * plugins' own checks (cloud credentials), and with an environment each host node of its active
 * generation ({@link NodeChecks}). Takes no lock and writes no audit entry.
 */
public final class DoctorService {
    private static final int MAX_PARALLEL = 16;

    private final Path projectRoot;
    private final Plugins plugins;

    public DoctorService(Path projectRoot, Plugins plugins) {
        this.projectRoot = projectRoot;
        this.plugins = plugins;
    }

    /** @param environment the environment whose nodes are checked too, or null for the project only */
    public List<DoctorCheck> run(String environment) {
        List<DoctorCheck> checks = new ArrayList<>();
        Project project = config(environment, checks);
        if (project == null) {
            return checks; // nothing else can be checked without a configuration
        }
        Coordinator coordinator;
        try {
            coordinator = Coordinator.open(project, plugins, Duration.ZERO);
        } catch (NeckbeardException e) {
            checks.add(DoctorCheck.failed("coordinator", e.getMessage(), e.remedy()));
            return checks;
        }
        // the context only closes the coordinator, which the finally block does
        DeployContext context = environment == null ? null
                : new DeployContext(project, project.environment(environment), plugins, coordinator, Stack.standard());
        try {
            boolean reachable = probe(coordinator, checks);
            plugins.all(ProjectChecks.class).values().forEach(plugin -> checks.addAll(pluginChecks(plugin, project)));
            if (context != null && reachable) {
                checks.addAll(nodes(context));
            }
        } finally {
            coordinator.close();
        }
        return checks;
    }

    private Project config(String environment, List<DoctorCheck> checks) {
        List<String> environments = environment == null ? List.of() : List.of(environment);
        try {
            Project project = ConfigLoader.forCheck(plugins).load(projectRoot, environments);
            checks.add(DoctorCheck.passed("config", "neckbeard/config.yml and " + (environment != null
                    ? "neckbeard/envs/" + environment + ".yml are valid"
                    : project.environmentNames().size() + " environment(s) are valid")));
            return project;
        } catch (ConfigException e) {
            Problem first = e.problems().get(0);
            checks.add(DoctorCheck.failed("config", e.problems().size() + " problem(s), the first: " + first.file() + ":"
                    + first.line() + ":" + first.column() + ": " + first.message(), (first.fix() == null ? "" : first.fix() + "; ")
                    + "neckbeard check lists every problem"));
        } catch (NeckbeardException e) {
            checks.add(DoctorCheck.failed("config", e.getMessage(), e.remedy()));
        }
        return null;
    }

    private static boolean probe(Coordinator coordinator, List<DoctorCheck> checks) {
        try {
            checks.add(DoctorCheck.passed("coordinator", coordinator.backend().probe()));
            return true;
        } catch (NeckbeardException e) {
            checks.add(DoctorCheck.failed("coordinator", e.getMessage(), e.remedy()));
            return false;
        }
    }

    private static List<DoctorCheck> pluginChecks(ProjectChecks plugin, Project project) {
        try {
            return plugin.check(project);
        } catch (NeckbeardException e) {
            return List.of(DoctorCheck.failed(plugin.type(), e.getMessage(), e.remedy()));
        }
    }

    /** Each launched node of the active generation: managed ones skipped with a note, host ones checked at once. */
    private static List<DoctorCheck> nodes(DeployContext context) {
        EnvironmentState state = context.coordinator().read(context.name());
        Generation active = state.active().orElse(null);
        if (active == null) {
            return List.of(DoctorCheck.passed("nodes", context.name() + " has no active generation: no node to check"));
        }
        List<DoctorCheck> checks = new ArrayList<>();
        List<NodeRecord> launched = active.nodes().stream().filter(n -> n.resourceId() != null).sorted(NodeRecord.ORDER).toList();
        launched.stream().filter(n -> context.managed(n.type())).forEach(n -> checks.add(DoctorCheck.passed("reach " + n.name(),
                "skipped: a managed " + context.nodeType(n.type()).resource() + " resource has no host to check")));
        List<NodeRecord> hosts = launched.stream().filter(n -> !context.managed(n.type())).toList();
        List<List<DoctorCheck>> found = ActiveNodes.onEach(hosts, MAX_PARALLEL, "neckbeard-doctor",
                record -> NodeChecks.check(context, record, state, active.id()));
        if (found == null) {
            throw new NeckbeardException(ExitCode.INTERRUPTED, "interrupted while checking the nodes of " + context.name(), null);
        }
        found.forEach(checks::addAll);
        return checks;
    }
}
