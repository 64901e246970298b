package io.neckbeard.core;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.ServicePeers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request handed to a plugin is a value: changing the maps it was built from changes nothing in it, and it cannot be changed. */
class RequestRecordsTest {
    private static final NodeSpec NODE = new NodeSpec("web-1", "web", 1, null, null, "local", List.of(),
            new ParamTree(Map.of(), Map.of()));

    @Test
    void aLaunchRequestKeepsTheParamsAndTagsItWasBuiltWith() {
        Map<String, Object> params = new HashMap<>(Map.of("size", "small"));
        params.put("empty", null);
        Map<String, String> tags = new HashMap<>(Map.of("neckbeard:app", "hello"));
        LaunchRequest request = new LaunchRequest("hello", "dev", 1, NODE, params, tags, "token", null, Path.of("."));

        params.put("size", "huge");
        tags.clear();

        assertThat(request.params()).containsEntry("size", "small").containsEntry("empty", null);
        assertThat(request.tags()).containsEntry("neckbeard:app", "hello");
        assertThatThrownBy(() -> request.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aProvisionRequestKeepsItsRolesPeersAndSettings() {
        List<String> roles = new ArrayList<>(List.of("base"));
        Map<String, ServicePeers> peers = new HashMap<>(Map.of("web", new ServicePeers(List.of(), List.of())));
        Map<String, Object> settings = new HashMap<>(Map.of("scripts", List.of("a.sh")));
        ProvisionRequest request = new ProvisionRequest("hello", "dev", 1, NODE, ResolvedParams.plain(Map.of()), roles, peers,
                Path.of("."), settings, "/srv/work");

        roles.add("db");
        peers.clear();
        settings.clear();

        assertThat(request.roles()).containsExactly("base");
        assertThat(request.peers()).containsKey("web");
        assertThat(request.settings()).containsKey("scripts");
    }

    @Test
    void aPackageRequestKeepsItsSettings() {
        Map<String, Object> settings = new HashMap<>(Map.of("include", List.of("Procfile")));
        PackageRequest request = new PackageRequest("hello", Path.of("."), settings, Path.of("slugs"));

        settings.clear();

        assertThat(request.settings()).containsKey("include");
    }
}
