package io.neckbeard.engine;

import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.VarNames;
import io.neckbeard.model.Project;
import io.neckbeard.state.EnvironmentState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code vars ENV [set K=V... | unset K... | get K]}: the shared config vars exported to the app.
 * Listing shows names only unless values are asked for, so a terminal or CI log does not
 * leak them by default; changing them holds the lock and is audited with values masked.
 */
public final class VarsService {
    /** The largest value of one var, in UTF-8 bytes (Linux refuses an environment string over 128 KiB). */
    public static final int MAX_VALUE_BYTES = 64 * 1024;
    /** The most all of an environment's vars may take together, names and values, in UTF-8 bytes. */
    public static final int MAX_TOTAL_BYTES = 1024 * 1024;

    private final Project project;
    private final Coordinator coordinator;

    public VarsService(Project project, Coordinator coordinator) {
        this.project = project;
        this.coordinator = coordinator;
    }

    /**
     * @param names   every var's name
     * @param values  the values by name, or null when they were not asked for
     * @param changed the names a {@code set} or {@code unset} changed (empty for a listing)
     */
    public record VarsReport(String environment, List<String> names, Map<String, String> values, List<String> changed) {
        public VarsReport {
            names = List.copyOf(names);
            changed = List.copyOf(changed);
        }
    }

    public VarsReport list(String environment, boolean showValues) {
        project.environment(environment);
        return report(coordinator.read(environment), showValues, List.of());
    }

    /**
     * The value of one var.
     *
     * @throws NeckbeardException exit 2 when the environment has no var of that name
     */
    public String get(String environment, String name) {
        project.environment(environment);
        Map<String, String> vars = coordinator.read(environment).vars();
        String value = vars.get(checkedName(name));
        if (value == null) {
            throw usage(environment + " has no config var " + name, vars.isEmpty()
                    ? "set it with: neckbeard vars " + environment + " set " + name + "=VALUE"
                    : "its vars are: " + String.join(", ", vars.keySet()));
        }
        return value;
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
            String name = checkedName(assignment.substring(0, equals));
            int size = bytes(assignment.substring(equals + 1));
            if (size > MAX_VALUE_BYTES) {
                throw usage("the value of " + name + " has " + size + " bytes; a config var may have at most "
                        + MAX_VALUE_BYTES, "keep large data (files, certificates bundles) out of config vars: ship it "
                        + "in the slug or a secret store, and put its path or address in the var");
            }
            changes.put(name, assignment.substring(equals + 1));
        }
        return change(environment, "vars set", arguments, List.copyOf(changes.keySet()), vars -> {
            vars.putAll(changes);
            int total = vars.entrySet().stream().mapToInt(var -> bytes(var.getKey()) + bytes(var.getValue())).sum();
            if (total > MAX_TOTAL_BYTES) {
                throw usage("the config vars of " + environment + " would take " + total + " bytes; together they may "
                        + "take at most " + MAX_TOTAL_BYTES + ". Nothing was changed", "unset vars that are no longer "
                        + "needed (neckbeard vars " + environment + " unset NAME), or keep large values out of config vars");
            }
        });
    }

    public VarsReport unset(String environment, List<String> names, List<String> arguments) {
        project.environment(environment);
        names.forEach(VarsService::checkedName);
        return change(environment, "vars unset", arguments, names, vars -> names.forEach(vars::remove));
    }

    private VarsReport change(String environment, String command, List<String> arguments, List<String> changed,
                              Consumer<Map<String, String>> edit) {
        try (EnvironmentSession session = coordinator.session(environment, command, arguments)) {
            EnvironmentState stored = session.update(state -> {
                Map<String, String> vars = state.varsCopy();
                edit.accept(vars);
                return state.withVars(vars);
            });
            stored.active().ifPresent(active -> session.generation(active.id()));
            return report(stored, false, changed);
        }
    }

    private static VarsReport report(EnvironmentState state, boolean showValues, List<String> changed) {
        return new VarsReport(state.environment(), new ArrayList<>(state.vars().keySet()),
                showValues ? state.vars() : null, changed);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
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
