package io.neckbeard.provisioner.chefsolo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.ServicePeers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * chef-solo's {@code -j} file: the run list, every top-level key of the node's resolved tree as
 * a normal attribute, and the {@code neckbeard} attributes (who the node is, and its peers).
 * It holds secrets, so it is only ever written with mode 0600 and never logged.
 */
final class NodeJson {
    private static final List<String> RESERVED = List.of("run_list", "neckbeard");

    private NodeJson() {
    }

    /** @param roles the node's roles, in order, without repeats */
    static byte[] of(ProvisionRequest request, List<String> roles) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("run_list", roles.stream().map(role -> "role[" + role + "]").toList());
        for (Map.Entry<String, Object> param : request.params().values().entrySet()) {
            if (RESERVED.contains(param.getKey())) {
                throw new NeckbeardException(ExitCode.USAGE, "node " + request.node().name() + " has a parameter '"
                        + param.getKey() + "', a name the chef-solo provisioner reserves for its own node attributes",
                        "rename params." + param.getKey() + " in neckbeard/config.yml or the environment file");
            }
            node.put(param.getKey(), param.getValue());
        }
        node.put("neckbeard", neckbeard(request));
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("node parameters are plain maps, lists and scalars", e);
        }
    }

    private static Map<String, Object> neckbeard(ProvisionRequest request) {
        // Sorted, so the same peers always give the same file; each service is {"same_az": [...], "all": [...]}.
        Map<String, ServicePeers> peers = new TreeMap<>(request.peers());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("app", request.app());
        attributes.put("env", request.environment());
        attributes.put("generation", request.generation());
        attributes.put("node", request.node().name());
        attributes.put("node_type", request.node().type());
        attributes.put("az", request.node().az());
        attributes.put("peers", peers);
        return attributes;
    }
}
