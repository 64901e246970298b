package io.neckbeard.provisioner;

import io.neckbeard.core.Maps;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a provisioner makes a node match.
 *
 * @param roles    the chef-solo roles of the node's services, in service order
 * @param peers    service name to the addresses of its nodes in this generation
 * @param settings the {@code provisioner:} block without {@code type}
 * @param workDir  a directory on the node the provisioner may use for its files
 *                 ({@code <stack root>/provision})
 */
public record ProvisionRequest(String app, String environment, long generation, NodeSpec node,
                               ResolvedParams params, List<String> roles, Map<String, ServicePeers> peers,
                               Path projectRoot, Map<String, Object> settings,
                               String workDir) {
    public ProvisionRequest {
        roles = List.copyOf(roles);
        peers = Map.copyOf(peers);
        settings = Maps.copy(settings);
    }
}
