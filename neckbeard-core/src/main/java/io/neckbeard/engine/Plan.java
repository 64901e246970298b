package io.neckbeard.engine;

import io.neckbeard.core.NeckbeardException;
import io.neckbeard.packager.Slug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code up} would do to an environment.
 *
 * @param generation    the generation it converges (active, or pending with {@code --pending})
 * @param newGeneration the generation does not exist yet and will be created
 * @param waves         the nodes worked on, wave by wave (retirements come after the last wave)
 * @param refusal       why a rolling deploy is refused (exit 4), or null
 */
public record Plan(String environment, long generation, boolean newGeneration, boolean pending, Slug slug,
                   List<NodePlan> nodes, List<List<NodePlan>> waves, NeckbeardException refusal) {
    public Plan {
        nodes = List.copyOf(nodes);
        waves = List.copyOf(waves);
    }

    public List<NodePlan> retirements() {
        return nodes.stream().filter(n -> n.has(Action.RETIRE)).toList();
    }

    public boolean changesNothing() {
        return nodes.stream().noneMatch(n -> n.isWork() || n.has(Action.RETIRE));
    }

    /**
     * The plan as {@code plan -o json} prints it: {@code {"environment", "generation", "new_generation",
     * "pending", "slug", "refusal", "waves": [[names]], "nodes": [{"name", "type", "az", "resource_id",
     * "serving", "actions", "reason"}]}}.
     */
    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("environment", environment);
        report.put("generation", generation);
        report.put("new_generation", newGeneration);
        report.put("pending", pending);
        report.put("slug", slug.digest());
        report.put("refusal", refusal == null ? null : refusal.getMessage());
        report.put("waves", waves.stream().map(wave -> wave.stream().map(NodePlan::name).toList()).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NodePlan node : nodes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", node.name());
            row.put("type", node.type());
            row.put("az", node.az());
            row.put("resource_id", node.resource() == null ? null : node.resource().id());
            row.put("serving", node.serving());
            row.put("actions", node.actions().stream().map(Action::id).toList());
            row.put("reason", node.reason());
            rows.add(row);
        }
        report.put("nodes", rows);
        return report;
    }
}
