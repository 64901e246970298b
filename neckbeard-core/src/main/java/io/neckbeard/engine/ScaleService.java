package io.neckbeard.engine;

import io.neckbeard.coordinator.Coordinator;
import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.EnvironmentSpec;
import io.neckbeard.model.NodeGroup;
import io.neckbeard.model.Project;
import io.neckbeard.state.EnvironmentState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code scale ENV [TYPE=COUNT...]}: shows or records node counts in the coordinator (the next {@code up}
 * launches or retires nodes). A count is refused (exit 4) when it would leave an AZ under the
 * type's {@code min_per_az} — node {@code <type>-<i>} goes to AZ {@code (i-1) mod len(azs)}, so
 * the last AZs get the smaller share — or exceed {@code max_count}.
 */
public final class ScaleService {
    private final Project project;
    private final Coordinator coordinator;

    public ScaleService(Project project, Coordinator coordinator) {
        this.project = project;
        this.coordinator = coordinator;
    }

    /** @param counts every type's count after the change; @param changed the counts this command set */
    public record ScaleReport(String environment, Map<String, Integer> changed, Map<String, Integer> counts) {
        public ScaleReport {
            changed = Collections.unmodifiableMap(new TreeMap<>(changed));
            counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        }
    }

    /**
     * One node type's count and where it comes from.
     *
     * @param source {@code coordinator} (set by {@code scale}) or {@code config} (the environment's {@code nodes.<type>.count})
     */
    public record TypeCount(String type, int count, String source) {
    }

    /** {@code scale ENV}: every node type's count, in the order the environment declares them. */
    public record CurrentCounts(String environment, List<TypeCount> types) {
        public CurrentCounts {
            types = List.copyOf(types);
        }
    }

    /** Every node type's current count and its source; reads only. */
    public CurrentCounts current(String environment) {
        EnvironmentSpec spec = project.environment(environment);
        Map<String, Integer> scaled = coordinator.read(environment).scale();
        List<TypeCount> types = new ArrayList<>();
        spec.nodes().forEach((type, group) -> types.add(scaled.containsKey(type)
                ? new TypeCount(type, scaled.get(type), "coordinator") : new TypeCount(type, group.count(), "config")));
        return new CurrentCounts(environment, types);
    }

    /** @param assignments {@code TYPE=COUNT} each; @param arguments the masked command line for the audit entry */
    public ScaleReport scale(String environment, List<String> assignments, List<String> arguments) {
        EnvironmentSpec spec = project.environment(environment);
        return coordinator.refusalsAudited(environment, "scale", arguments, () -> scale(environment, spec, assignments, arguments));
    }

    private ScaleReport scale(String environment, EnvironmentSpec spec, List<String> assignments, List<String> arguments) {
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (String assignment : assignments) {
            String[] parts = assignment.split("=", 2);
            if (parts.length != 2 || !parts[1].matches("\\d{1,6}")) {
                throw new NeckbeardException(ExitCode.USAGE, "'" + assignment + "' is not TYPE=COUNT",
                        "e.g. neckbeard scale " + environment + " app=4");
            }
            changed.put(parts[0], check(spec, parts[0], Integer.parseInt(parts[1])));
        }
        try (EnvironmentSession session = coordinator.session(environment, "scale", arguments)) {
            EnvironmentState stored = session.update(state -> {
                Map<String, Integer> scale = new LinkedHashMap<>(state.scale());
                scale.putAll(changed);
                return state.withScale(scale);
            });
            stored.active().ifPresent(active -> session.generation(active.id()));
            Map<String, Integer> counts = new LinkedHashMap<>();
            spec.nodes().forEach((type, group) -> counts.put(type, stored.scale().getOrDefault(type, group.count())));
            return new ScaleReport(environment, changed, counts);
        }
    }

    private static int check(EnvironmentSpec spec, String type, int count) {
        NodeGroup group = spec.nodes().get(type);
        if (group == null) {
            throw new NeckbeardException(ExitCode.USAGE, spec.name() + " has no node type '" + type + "'",
                    "its node types are: " + String.join(", ", spec.nodes().keySet()) + " (nodes: in " + spec.file() + ")");
        }
        List<String> zones = spec.availabilityZones();
        for (int zone = 0; zone < zones.size(); zone++) {
            int share = count / zones.size() + (zone < count % zones.size() ? 1 : 0);
            if (share < group.minPerAz()) {
                throw new NeckbeardException(ExitCode.REFUSED, "scale " + type + "=" + count + " would leave "
                        + zones.get(zone) + " with " + share + " " + type + " node" + (share == 1 ? "" : "s")
                        + ", under min_per_az " + group.minPerAz(), type + " needs at least " + group.minPerAz()
                        * zones.size() + " (min_per_az " + group.minPerAz() + " × " + zones.size() + " AZs) in "
                        + spec.name());
            }
        }
        if (group.maxCount() != null && count > group.maxCount()) {
            throw new NeckbeardException(ExitCode.REFUSED, "scale " + type + "=" + count + " is above max_count "
                    + group.maxCount() + " of " + type + " in " + spec.name(),
                    "ask for at most " + group.maxCount() + ", or raise nodes." + type + ".max_count in " + spec.file());
        }
        return count;
    }
}
