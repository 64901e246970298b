package io.neckbeard.config;

import io.neckbeard.config.interpolate.PeerReferences;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.Suggestions;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.Origin;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.Project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code neckbeard show}: every node's final parameter tree (run-time references, and so every
 * {@code ${env:VAR}} secret, still as written), optionally with the provenance of each leaf, and
 * the settings of the load balancers those nodes use as this environment has them.
 */
public final class ShowService {
    private final ConfigLoader loader;

    public ShowService(ConfigLoader loader) {
        this.loader = loader;
    }

    /** The fixed JSON shape of docs/commands.md. */
    public record ShowResult(String environment, List<ShownNode> nodes, List<ShownLoadBalancer> loadBalancers) {
    }

    /** A load balancer with config.yml's settings and the environment's layers merged over them. */
    public record ShownLoadBalancer(String name, String type, Map<String, Object> settings) {
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
        Project project = loader.load(root, List.of(environment));
        List<NodeSpec> nodes = project.nodes(environment, Map.of());
        if (node != null) {
            List<String> names = nodes.stream().map(NodeSpec::name).toList();
            if (!names.contains(node)) {
                throw new NeckbeardException(ExitCode.USAGE, "environment '" + environment + "' has no node '" + node + "'",
                        Suggestions.fix(node, names, "nodes"));
            }
            nodes = nodes.stream().filter(n -> n.name().equals(node)).toList();
        }
        Map<String, LoadBalancerSpec> balancers = project.loadBalancers(environment);
        List<ShownLoadBalancer> used = nodes.stream().map(n -> project.nodeTypes().get(n.type()).loadBalancer())
                .filter(Objects::nonNull).distinct().map(balancers::get)
                .map(b -> new ShownLoadBalancer(b.name(), b.type(), b.settings())).toList();
        return new ShowResult(environment, nodes.stream().map(n -> shown(n, withProvenance)).toList(), used);
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
