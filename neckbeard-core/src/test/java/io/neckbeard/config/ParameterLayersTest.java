package io.neckbeard.config;

import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.Origin;
import io.neckbeard.model.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The layer order of docs/configuration.md and the merge rules, one row per rule, on projects/layers. */
class ParameterLayersTest {
    @TempDir
    static Path temp;
    static Project project;

    @BeforeAll
    static void load() throws URISyntaxException {
        Path root = Path.of(ParameterLayersTest.class.getResource("/projects/layers").toURI());
        project = new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of());
    }

    static NodeSpec node(String env, String name) {
        return project.nodes(env, Map.of()).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}: {2} = {3} from {4}")
    @CsvSource({
            // rule                                              env,        node,   path,                      value,            layer
            "service params lie beneath everything,             production, app-1, service_only.set_by,        service,          service:cache",
            "type beats service,                                production, app-1, memcached.memory_mb,        128,              type:app",
            "type value kept when nothing overrides it,         production, app-1, probe.type,                 type,             type:app",
            "size beats type,                                   production, app-1, probe.size,                 large,            size:large",
            "env size choice beats type size,                   production, app-1, testcloud.instance_type,    t.large,          size:large",
            "type size used when env names none,                staging,    app-1, testcloud.instance_type,    t.small,          size:small",
            "base params beat size and type,                    production, app-1, probe.base_params,          base,             env:base.params",
            "env params beat the base's node_params,            production, app-1, probe.env_params,           production,       env:production.params",
            "base node_params beat base params when env is silent, staging, app-1, probe.env_params,           base-node_params, env:base.node_params",
            "env node_params beat env params,                   production, app-1, probe.env_node_params,      production,       env:production.node_params",
            "AZ layer beats the environment,                    production, app-1, probe.az,                   az-a,             az:zone-a",
            "second node is in the second zone,                 production, app-2, probe.az,                   az-b,             az:zone-b",
            "third node wraps round to the first zone,          production, app-3, probe.az,                   az-a,             az:zone-a",
            "env az_params beat config.yml's zone,              production, app-2, probe.env_az,               production-b,     env:production.az_params",
            "base az_params apply when env has none,            staging,    app-2, probe.env_az,               base-b,           env:base.az_params",
            "a list replaces and does not append,             production, app-1, list[0],                    c,                env:production.params",
    })
    void layersMergeInOrder(String rule, String env, String node, String path, String value, String layer) {
        NodeSpec spec = node(env, node);
        assertThat(String.valueOf(leaf(spec.params().values(), path))).as(rule).isEqualTo(value);
        assertThat(spec.params().provenance().get(path).layer()).as(rule).isEqualTo(layer);
    }

    @Test
    void explicitNullRemovesTheKeyAndItsProvenance() {
        NodeSpec production = node("production", "app-1");
        assertThat(production.params().values()).doesNotContainKey("removed_by_env");
        assertThat(production.params().provenance()).doesNotContainKey("removed_by_env");
        assertThat(node("staging", "app-1").params().values()).containsEntry("removed_by_env", "present");
    }

    @Test
    void replacedListKeepsNoItemOfTheOldOne() {
        assertThat(node("production", "app-1").params().values().get("list")).isEqualTo(List.of("c"));
        assertThat(node("production", "app-1").params().provenance()).doesNotContainKey("list[1]");
    }

    @Test
    void provenanceNamesTheFileAndLineThatSetTheLeaf() {
        Origin origin = node("production", "app-2").params().provenance().get("probe.env_az");
        assertThat(origin.file().toString()).endsWith("projects/layers/neckbeard/envs/production.yml");
        assertThat(origin.line()).isEqualTo(11);
        Origin typeOrigin = node("production", "app-1").params().provenance().get("memcached.memory_mb");
        assertThat(typeOrigin.location()).endsWith("neckbeard/config.yml:14");
    }

    @Test
    void nodesAreNamedPlacedAndSizedByTheEnvironment() {
        List<NodeSpec> nodes = project.nodes("production", Map.of());
        assertThat(nodes).extracting(NodeSpec::name).containsExactly("app-1", "app-2", "app-3");
        assertThat(nodes).extracting(NodeSpec::az).containsExactly("zone-a", "zone-b", "zone-a");
        assertThat(nodes).extracting(NodeSpec::size).containsOnly("large");
        assertThat(node("staging", "app-1").size()).isEqualTo("small");
    }

    @Test
    void countsKeptByScaleOverrideTheConfiguredCount() {
        assertThat(project.nodes("production", Map.of("app", 5))).extracting(NodeSpec::name)
                .containsExactly("app-1", "app-2", "app-3", "app-4", "app-5");
    }

    @Test
    void staticReferencesAreResolvedAndAWholeStringIndexStaysANumber() {
        NodeSpec node = node("production", "app-2");
        assertThat(node.params().values()).containsEntry("name", "shop-production-app-2-zone-b").containsEntry("index", 2);
    }

    private static Object leaf(Map<String, Object> tree, String path) {
        Object current = tree;
        for (String key : path.split("\\.")) {
            int bracket = key.indexOf('[');
            if (bracket > 0) {
                current = ((Map<?, ?>) current).get(key.substring(0, bracket));
                current = ((List<?>) current).get(Integer.parseInt(key.substring(bracket + 1, key.length() - 1)));
            } else {
                current = ((Map<?, ?>) current).get(key);
            }
        }
        return current;
    }
}
