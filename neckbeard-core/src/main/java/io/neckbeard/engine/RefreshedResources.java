package io.neckbeard.engine;

import io.neckbeard.provider.Resource;
import io.neckbeard.state.NodeRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recorded nodes' resources as their providers report them, each refreshed at most once: with a
 * cloud provider every refresh is an API call, so a command asks for a generation's nodes at once
 * ({@link #refreshAll}). One instance covers one moment of a command (e.g. choosing a generation
 * and its health gate); a later moment takes a new one. Safe to share between threads.
 */
final class RefreshedResources {
    private final DeployContext context;
    /** By the recorded resource: a record that changed (another resource id or address) is refreshed again. */
    private final Map<Resource, Resource> refreshed = new ConcurrentHashMap<>();

    RefreshedResources(DeployContext context) {
        this.context = context;
    }

    /** The record's resource now; call only for a record with a resource id. */
    Resource of(NodeRecord record) {
        return refreshed.computeIfAbsent(NodeRecords.resource(record), recorded -> context.provider(record.provider()).refresh(recorded));
    }

    /**
     * Refreshes the resources of {@code records} not refreshed yet, with one
     * {@link io.neckbeard.provider.ResourceProvider#refreshAll} call per provider; records without a
     * resource id are skipped. {@link #of} then answers from what was found.
     */
    void refreshAll(Collection<NodeRecord> records) {
        Map<String, Set<Resource>> byProvider = new LinkedHashMap<>();
        for (NodeRecord record : records) {
            if (record.resourceId() != null && !refreshed.containsKey(NodeRecords.resource(record))) {
                byProvider.computeIfAbsent(record.provider(), p -> new LinkedHashSet<>()).add(NodeRecords.resource(record));
            }
        }
        byProvider.forEach((provider, resources) -> {
            List<Resource> asked = new ArrayList<>(resources);
            List<Resource> now = context.provider(provider).refreshAll(asked);
            for (int i = 0; i < asked.size(); i++) {
                refreshed.put(asked.get(i), now.get(i));
            }
        });
    }
}
