package io.neckbeard.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides, while a rollout runs, whether a node may be worked on now: a node that is not
 * serving always may; a serving node only while its (type, AZ) keeps more operational nodes
 * than its {@code min_per_az}, as it counts as not operational from its start until it is back.
 * Not thread-safe: the rollout calls it from the one thread that starts nodes.
 */
final class FloorGate {
    private final Map<String, Integer> floors;
    private final Map<Placement, Integer> inService;

    /**
     * @param floors      {@code min_per_az} by node type (a type missing here has floor 0)
     * @param operational operational nodes per placement now, serving work items included
     */
    FloorGate(Map<String, Integer> floors, Map<Placement, Integer> operational) {
        this.floors = Map.copyOf(floors);
        this.inService = new HashMap<>(operational);
    }

    /** Starts the item if the floor allows it now: a serving item stops counting as operational. */
    boolean tryStart(WorkItem item) {
        if (!item.serving()) {
            return true;
        }
        int operational = inService.getOrDefault(item.placement(), 0);
        if (operational <= floors.getOrDefault(item.placement().type(), 0)) {
            return false;
        }
        inService.put(item.placement(), operational - 1);
        return true;
    }

    /** The item's work is over; {@code operational} when the node serves again (or for the first time). */
    void finished(WorkItem item, boolean operational) {
        if (operational) {
            inService.merge(item.placement(), 1, Integer::sum);
        }
    }
}
