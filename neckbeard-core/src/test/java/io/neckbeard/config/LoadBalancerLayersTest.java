package io.neckbeard.config;

import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An environment's load_balancers layers deep-merge over config.yml's settings, along the extends chain (projects/load-balancer-layers). */
class LoadBalancerLayersTest {
    @TempDir
    static Path temp;
    static Path root;
    static Project project;

    @BeforeAll
    static void load() throws URISyntaxException {
        root = Path.of(LoadBalancerLayersTest.class.getResource("/projects/load-balancer-layers").toURI());
        project = new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of());
    }

    @Test
    void theEnvironmentFileWinsOverItsBaseAndConfigYml() {
        LoadBalancerSpec web = project.loadBalancers("production").get("web");

        assertThat(web.type()).isEqualTo("testbalancer");
        assertThat(web.settings()).isEqualTo(Map.of("target_group", "production-web", "drain_seconds", 30,
                "checks", Map.of("path", "/health", "port", 9090)));
    }

    @Test
    void theBaseLayerAppliesWhereTheEnvironmentIsSilent() {
        LoadBalancerSpec web = project.loadBalancers("staging").get("web");

        assertThat(web.settings()).isEqualTo(Map.of("target_group", "base-web", "drain_seconds", 0,
                "checks", Map.of("path", "/health", "port", 8080)));
    }

    @Test
    void aBalancerNoLayerTouchesKeepsConfigYmlsSettings() {
        assertThat(project.loadBalancers("production").get("admin").settings()).isEqualTo(Map.of("target_group", "admin-shared"));
        assertThat(project.loadBalancers("staging").get("admin").settings()).isEqualTo(Map.of("target_group", "admin-shared"));
    }

    @Test
    void showListsTheMergedSettingsOfTheBalancersTheNodesUse() {
        ShowService show = new ShowService(new ConfigLoader(StandInPlugins.plugins(temp)));

        ShowService.ShowResult staging = show.show(root, "staging", "app-1", false);

        assertThat(staging.loadBalancers()).containsExactly(new ShowService.ShownLoadBalancer("web", "testbalancer",
                Map.of("target_group", "base-web", "drain_seconds", 0, "checks", Map.of("path", "/health", "port", 8080))));
        assertThat(NodeTreeText.render(staging)).contains("load balancer web (type testbalancer)\n  drain_seconds: 0\n")
                .contains("  target_group: base-web\n");
    }
}
