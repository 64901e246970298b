package io.neckbeard.coordinator;

import io.neckbeard.config.Project;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.VarNames;
import io.neckbeard.state.EnvironmentState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code vars ENV [set K=V... | unset K...]}: the shared config vars exported to the app.
 * Listing shows names only unless values are asked for, so a terminal or CI log does not
 * leak them by default; changing them holds the lock and is audited with values masked.
 */
public final class VarsService {
    private final Project project;
    private final Coordinator coordinator;

    public VarsService(Project project, Coordinator coordinator) {
        this.project = project;
        this.coordinator = coordinator;
    }

    /** @param values the values by name, or null when they were not asked for */
    public record VarsReport(String environment, List<String> names, Map<String, String> values) {
        public VarsReport {
            names = List.copyOf(names);
        }
    }

    public VarsReport list(String environment, boolean showValues) {
        project.environment(environment);
        return report(coordinator.read(environment), showValues);
    }

    /** @param assignments {@code K=V} each; @param arguments the masked command line for the audit entry */
    public VarsReport set(String environment, List<String> assignments, List<String> arguments) {
        project.environment(environment);
        Map<String, String> changes = new LinkedHashMap<>();
        for (int i = 0; i < assignments.size(); i++) {
            String assignment = assignments.get(i);
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                // The argument is not echoed: it may be a secret typed with the wrong separator.
                throw usage("argument " + (i + 1) + " after 'set' is not NAME=VALUE", "e.g. neckbeard vars "
                        + environment + " set LOG_LEVEL=info");
            }
            changes.put(checkedName(assignment.substring(0, equals)), assignment.substring(equals + 1));
        }
        return change(environment, "vars set", arguments, vars -> vars.putAll(changes));
    }

    public VarsReport unset(String environment, List<String> names, List<String> arguments) {
        project.environment(environment);
        names.forEach(VarsService::checkedName);
        return change(environment, "vars unset", arguments, vars -> names.forEach(vars::remove));
    }

    private VarsReport change(String environment, String command, List<String> arguments,
                              Consumer<Map<String, String>> edit) {
        try (EnvironmentSession session = coordinator.session(environment, command, arguments)) {
            EnvironmentState stored = session.update(state -> {
                Map<String, String> vars = state.varsCopy();
                edit.accept(vars);
                return state.withVars(vars);
            });
            stored.active().ifPresent(active -> session.generation(active.id()));
            return report(stored, false);
        }
    }

    private static VarsReport report(EnvironmentState state, boolean showValues) {
        return new VarsReport(state.environment(), new ArrayList<>(state.vars().keySet()),
                showValues ? state.vars() : null);
    }

    private static String checkedName(String name) {
        if (!VarNames.valid(name)) {
            throw usage("'" + name + "' is not a valid config var name", VarNames.RULE);
        }
        return name;
    }

    private static NeckbeardException usage(String message, String remedy) {
        return new NeckbeardException(ExitCode.USAGE, message, remedy);
    }
}
