package io.neckbeard.engine;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a provider's launch gets: the node's tree resolved as far as it can be before the node and its peers exist. */
class NodeParamsForLaunchTest {

    @Test
    void theGenerationIsResolvedEvenWhereTheTreeAlsoNamesPeersAndTheNodesOwnAddress() {
        NodeSpec node = node(Map.of(
                "ec2", Map.of("address_override", "127.0.${generation}.1", "generation", "${generation}"),
                "app_env", Map.of("DATABASE_HOST", "${peers.db.address}", "SELF", "${node.address}:${node.port}")));

        Map<String, Object> launch = NodeParams.forLaunch(node, 3);

        assertThat(launch.get("ec2")).isEqualTo(Map.of("address_override", "127.0.3.1", "generation", 3L));
        assertThat(launch.get("app_env")).isEqualTo(Map.of("DATABASE_HOST", "${peers.db.address}", "SELF", "${node.address}:${node.port}"));
    }

    @Test
    void escapedReferencesStayLiteral() {
        Map<String, Object> launch = NodeParams.forLaunch(node(Map.of("user_data", "echo $${HOME} g${generation} ${peers.db.port}")), 2);

        assertThat(launch.get("user_data")).isEqualTo("echo ${HOME} g2 ${peers.db.port}");
    }

    private static NodeSpec node(Map<String, Object> params) {
        return new NodeSpec("app-1", "app", 1, "us-east-1a", null, "ec2", List.of(), new ParamTree(params, Map.of()));
    }
}
