package io.neckbeard.engine;

import io.neckbeard.provider.Resource;
import io.neckbeard.state.NodeRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * Recorded nodes' resources as their providers report them, each refreshed at most once: with a
 * cloud provider every refresh is an API call. One instance covers one moment of a command (e.g.
 * choosing a generation and its health gate); a later moment takes a new one. Not thread-safe.
 */
final class RefreshedResources {
    private final DeployContext context;
    /** By the recorded resource: a record that changed (another resource id or address) is refreshed again. */
    private final Map<Resource, Resource> refreshed = new HashMap<>();

    RefreshedResources(DeployContext context) {
        this.context = context;
    }

    /** The record's resource now; call only for a record with a resource id. */
    Resource of(NodeRecord record) {
        Resource recorded = NodeRecords.resource(record);
        Resource now = refreshed.get(recorded);
        if (now == null) {
            now = context.provider(record.provider()).refresh(recorded);
            refreshed.put(recorded, now);
        }
        return now;
    }
}
