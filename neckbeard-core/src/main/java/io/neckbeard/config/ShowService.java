package io.neckbeard.config;

import io.neckbeard.config.interpolate.PeerReferences;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.Suggestions;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.Origin;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code neckbeard show}: every node's final parameter tree (run-time references, and so every
 * {@code ${env:VAR}} secret, still as written), optionally with the provenance of each leaf.
 */
public final class ShowService {
    private final ConfigLoader loader;

    public ShowService(ConfigLoader loader) {
        this.loader = loader;
    }

    /** The fixed JSON shape of docs/commands.md. */
    public record ShowResult(String environment, List<ShownNode> nodes) {
    }

    /** One node; {@code provenance} (dotted leaf path to where it was set) is left out unless asked for. */
    public record ShownNode(String name, String type, String size, String az, String resource, List<String> services,
                            Map<String, Object> params,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ProvenanceEntry> provenance) {
    }

    public record ProvenanceEntry(String layer, String file, int line) {
    }

    /**
     * @param node only this node, or null for all
     * @throws NeckbeardException exit 2 for an unknown environment or node, listing the known ones
     */
    public ShowResult show(Path root, String environment, String node, boolean withProvenance) {
        List<NodeSpec> nodes = loader.load(root, List.of(environment)).nodes(environment, Map.of());
        if (node != null) {
            List<String> names = nodes.stream().map(NodeSpec::name).toList();
            if (!names.contains(node)) {
                throw new NeckbeardException(ExitCode.USAGE, "environment '" + environment + "' has no node '" + node + "'",
                        Suggestions.fix(node, names, "nodes"));
            }
            nodes = nodes.stream().filter(n -> n.name().equals(node)).toList();
        }
        return new ShowResult(environment, nodes.stream().map(n -> shown(n, withProvenance)).toList());
    }

    private static ShownNode shown(NodeSpec node, boolean withProvenance) {
        Map<String, ProvenanceEntry> provenance = null;
        if (withProvenance) {
            provenance = new LinkedHashMap<>();
            for (Map.Entry<String, Origin> entry : node.params().provenance().entrySet()) {
                Origin origin = entry.getValue();
                provenance.put(entry.getKey(), new ProvenanceEntry(origin.layer(), origin.file().toString(), origin.line()));
            }
        }
        return new ShownNode(node.name(), node.type(), node.size(), node.az(), node.resource(), node.services(),
                PeerReferences.shown(node.params().values()), provenance);
    }
}
