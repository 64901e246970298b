package io.neckbeard.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.neckbeard.config.RuntimeValues;
import io.neckbeard.config.interpolate.PeerReferences;
import io.neckbeard.config.interpolate.RuntimeInterpolator;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.Resource;
import io.neckbeard.state.NodeRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A node's parameters at run time, and the config digest that decides whether it needs provisioning. */
public final class NodeParams {

    private NodeParams() {
    }

    /**
     * The node's tree resolved against its launched resource ({@code ${node.port}}, {@code ${node.address}})
     * and its generation's other nodes ({@code ${peers...}}, see {@link Peers}).
     */
    public static ResolvedParams resolve(NodeSpec node, long generation, Resource resource, List<NodeRecord> generationNodes) {
        Map<String, String> values = new TreeMap<>();
        Integer port = resource.port();
        if (port != null) {
            values.put("port", port.toString());
        }
        if (resource.address() != null) {
            values.put("address", resource.address());
        }
        return RuntimeInterpolator.resolve(node.params(), new RuntimeValues(generation, values, System::getenv, Peers.of(generationNodes)));
    }

    /**
     * Fails (exit 2, naming the variable, the key and its file:line) when a node's tree needs an
     * environment variable that is not set: checked for every node before anything is launched,
     * not found on the first node after some were already started.
     */
    public static void requireEnvironment(List<NodeSpec> nodes, long generation) {
        // Stand-ins for the values only a launch gives, so that only ${env:...} can fail here.
        Map<String, String> launched = Map.of("port", "0", "address", "0.0.0.0");
        for (NodeSpec node : nodes) {
            RuntimeInterpolator.resolve(node.params(), new RuntimeValues(generation, launched, System::getenv, peerStandIns(node)));
        }
    }

    /** "0.0.0.0" for every {@code ${peers...}} a node's tree holds: known only once the peer is launched. */
    private static Map<String, String> peerStandIns(NodeSpec node) {
        Map<String, String> standIns = new TreeMap<>();
        PeerReferences.expressions(node.params().values())
                .forEach(expression -> standIns.put(expression.substring(PeerReferences.PREFIX.length()), "0.0.0.0"));
        return standIns;
    }

    /**
     * What a provider launches with. The port and address are not known before the launch, so a
     * tree that refers to them goes to the provider with the runtime references still written as
     * {@code ${...}} (they are resolved for provisioning).
     */
    public static Map<String, Object> forLaunch(NodeSpec node, long generation) {
        try {
            return RuntimeInterpolator.resolve(node.params(), new RuntimeValues(generation, Map.of(), System::getenv)).values();
        } catch (NeckbeardException needsTheResource) {
            return node.params().values();
        }
    }

    /**
     * {@code sha256:<hex>} of the redacted tree, the roles and the config vars, so a changed
     * parameter, service or {@code vars set} re-provisions the node. Secrets never enter it.
     */
    public static String digest(ResolvedParams params, List<String> roles, Map<String, String> vars) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("params", params.redacted());
        input.put("roles", roles);
        input.put("vars", new TreeMap<>(vars));
        return digestOf(input);
    }

    /** {@code sha256:<hex>} of {@code value}'s canonical JSON (map keys sorted). */
    public static String digestOf(Object value) {
        try {
            byte[] canonical = Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a node's parameters", e);
        }
    }
}
