package io.neckbeard.engine;

import io.neckbeard.loadbalancer.Target;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeRecord;

import java.util.List;

/**
 * Where a node serves, as the commands that change what serves report it.
 *
 * @param port null when the node has none
 * @param url  {@code http://<address>:<port>/} when the node serves HTTP, else null
 */
public record Endpoint(String node, String address, Integer port, String url) {

    /** {@code url}, else {@code address:port}, else the address. */
    public String display() {
        return url != null ? url : hostPort(address, port);
    }

    /**
     * The nodes of {@code generation} that serve now: the operational ones of the active
     * generation, the healthy ones of a pending one (reached at their own address, not through a
     * load balancer, until it is promoted).
     */
    static List<Endpoint> serving(Generation generation) {
        return generation.nodes().stream()
                .filter(r -> r.address() != null)
                .filter(r -> generation.state() == GenerationState.PENDING
                        ? r.lastHealth() != null && r.lastHealth().healthy() : r.operational())
                .map(Endpoint::of).toList();
    }

    /** The node's port: its own (the provider's {@code port} attribute), else its health check's {@code port}, else null. */
    static Integer port(Target target, TypedSettings healthCheck) {
        if (target.port() != 0) {
            return target.port();
        }
        Object configured = healthCheck == null ? null : healthCheck.settings().get("port");
        return configured != null && configured.toString().matches("\\d{1,5}") ? Integer.valueOf(configured.toString()) : null;
    }

    /** The URL of a node that serves HTTP on a port; null for any other. */
    static String url(String address, Integer port, boolean servesHttp) {
        return servesHttp && address != null && port != null ? "http://" + hostPort(address, port) + "/" : null;
    }

    static String hostPort(String address, Integer port) {
        String host = address != null && address.contains(":") ? "[" + address + "]" : address;
        return port == null ? host : host + ":" + port;
    }

    /** The endpoint a node record keeps. */
    static Endpoint of(NodeRecord record) {
        return new Endpoint(record.name(), record.address(), record.port(), record.url());
    }
}
