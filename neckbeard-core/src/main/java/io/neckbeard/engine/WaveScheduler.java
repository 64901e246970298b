package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a rollout into waves of nodes worked on in parallel, so that for every (type, AZ) the
 * number of operational nodes never drops below the type's {@code min_per_az}. A node being
 * worked on counts as not operational; a node that is not serving yet (new, out of its load
 * balancer) can be worked on freely and counts as operational once its wave is done.
 */
public final class WaveScheduler {
    private final String environment;
    private final Map<String, Integer> floors;
    private final int parallel;

    /**
     * @param floors   {@code min_per_az} by node type (a type missing here has floor 0)
     * @param parallel the most nodes in one wave (at least 1)
     */
    public WaveScheduler(String environment, Map<String, Integer> floors, int parallel) {
        if (parallel < 1) {
            throw new NeckbeardException(ExitCode.USAGE, "--parallel must be at least 1, not " + parallel, null);
        }
        this.environment = environment;
        this.floors = Map.copyOf(floors);
        this.parallel = parallel;
    }

    /**
     * @param operational operational nodes per placement now, serving work items included
     * @return the waves, in order; every item appears in exactly one
     * @throws NeckbeardException exit 4 when some serving node can never be taken out without
     *                            breaking its floor (checked before anything is touched)
     */
    public List<List<WorkItem>> schedule(List<WorkItem> items, Map<Placement, Integer> operational) {
        Map<Placement, Integer> inService = new HashMap<>(operational);
        List<WorkItem> remaining = new ArrayList<>(items);
        // New nodes first: once up they add room for taking serving ones out.
        remaining.sort(Comparator.comparing(WorkItem::serving));
        List<List<WorkItem>> waves = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<WorkItem> wave = nextWave(remaining, inService);
            if (wave.isEmpty()) {
                throw refusal(remaining.get(0).placement(), inService);
            }
            remaining.removeAll(wave);
            for (WorkItem item : wave) {
                if (!item.serving()) {
                    inService.merge(item.placement(), 1, Integer::sum);
                }
            }
            waves.add(List.copyOf(wave));
        }
        return List.copyOf(waves);
    }

    private List<WorkItem> nextWave(List<WorkItem> remaining, Map<Placement, Integer> inService) {
        Map<Placement, Integer> room = new HashMap<>();
        List<WorkItem> wave = new ArrayList<>();
        for (WorkItem item : remaining) {
            if (wave.size() == parallel) {
                break;
            }
            if (!item.serving()) {
                wave.add(item);
                continue;
            }
            int left = room.computeIfAbsent(item.placement(), p -> inService.getOrDefault(p, 0) - floor(p));
            if (left > 0) {
                room.put(item.placement(), left - 1);
                wave.add(item);
            }
        }
        return wave;
    }

    private int floor(Placement placement) {
        return floors.getOrDefault(placement.type(), 0);
    }

    private NeckbeardException refusal(Placement placement, Map<Placement, Integer> inService) {
        return new NeckbeardException(ExitCode.REFUSED,
                "refusing a rolling deploy of " + environment + ": " + placement.type() + " nodes in AZ " + placement.az()
                        + " have " + inService.getOrDefault(placement, 0) + " operational and a floor of min_per_az="
                        + floor(placement) + ", so none of them can be taken out of service to be provisioned",
                "use neckbeard up " + environment + " --pending (builds a new generation beside the active one), "
                        + "or scale " + placement.type() + " up first");
    }
}
