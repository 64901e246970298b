package io.neckbeard.state;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.VarNames;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the coordinator keeps about one environment. Immutable: every change returns a
 * new state, and the compact constructor is the one place the invariants are enforced
 * (at most one active and one pending generation; unique node names per generation;
 * generations ordered by id; a terminated generation keeps no node records; config var names
 * that {@link VarNames} accepts, since they end up in a file {@code /bin/sh} reads on every node).
 *
 * @param version   compare-and-set version: 0 for an environment never written; a backend writes
 *                  a state only if the stored version still equals this one, then stores version + 1
 * @param scale     node counts set with {@code scale}, by node type
 * @param vars      shared config vars, exported to the app
 */
public record EnvironmentState(String environment, long version, List<Generation> generations,
                               Map<String, Integer> scale, Map<String, String> vars) {

    public EnvironmentState {
        generations = generations.stream().map(EnvironmentState::withoutNodesIfTerminated).toList();
        scale = Collections.unmodifiableMap(new TreeMap<>(scale));
        vars = Collections.unmodifiableMap(new TreeMap<>(vars));
        long previous = 0;
        int active = 0;
        int pending = 0;
        for (Generation generation : generations) {
            if (generation.id() <= previous) {
                throw invalid("generation ids must grow: " + generation.id() + " follows " + previous);
            }
            previous = generation.id();
            active += generation.state() == GenerationState.ACTIVE ? 1 : 0;
            pending += generation.state() == GenerationState.PENDING ? 1 : 0;
            Set<String> names = new HashSet<>();
            for (NodeRecord node : generation.nodes()) {
                if (!names.add(node.name())) {
                    throw invalid("node " + node.name() + " appears twice in generation " + generation.id());
                }
            }
        }
        for (String name : vars.keySet()) {
            if (!VarNames.valid(name)) {
                throw invalid("config var name '" + name + "' is not a valid variable name (" + VarNames.RULE + ")");
            }
        }
        if (active > 1) {
            throw invalid(environment + " has " + active + " active generations");
        }
        if (pending > 1) {
            throw invalid(environment + " has " + pending + " pending generations");
        }
    }

    public static EnvironmentState empty(String environment) {
        return new EnvironmentState(environment, 0, List.of(), Map.of(), Map.of());
    }

    public Optional<Generation> active() {
        return inState(GenerationState.ACTIVE);
    }

    public Optional<Generation> pending() {
        return inState(GenerationState.PENDING);
    }

    public Optional<Generation> generation(long id) {
        return generations.stream().filter(g -> g.id() == id).findFirst();
    }

    /** The id a new generation gets: one more than any generation ever recorded. */
    public long nextGenerationId() {
        return generations.isEmpty() ? 1 : generations.get(generations.size() - 1).id() + 1;
    }

    /** Adds {@code generation} (its id must be {@link #nextGenerationId()}) or replaces the one with its id. */
    public EnvironmentState withGeneration(Generation generation) {
        List<Generation> next = new ArrayList<>(generations);
        int index = indexOf(generation.id());
        if (index >= 0) {
            next.set(index, generation);
        } else if (generation.id() == nextGenerationId()) {
            next.add(generation);
        } else {
            throw invalid("generation " + generation.id() + " is neither recorded nor the next id (" + nextGenerationId() + ")");
        }
        return new EnvironmentState(environment, version, next, scale, vars);
    }

    /**
     * Makes generation {@code id} (pending, or old for a rollback) active and the current active
     * one old, in one state change.
     */
    public EnvironmentState activate(long id) {
        Generation target = generation(id).orElseThrow(() -> invalid("there is no generation " + id));
        if (target.state() != GenerationState.PENDING && target.state() != GenerationState.OLD) {
            throw invalid("generation " + id + " is " + target.state().id() + "; only a pending or old generation can become active");
        }
        List<Generation> next = new ArrayList<>();
        for (Generation generation : generations) {
            if (generation.id() == id) {
                next.add(withState(generation, GenerationState.ACTIVE));
            } else if (generation.state() == GenerationState.ACTIVE) {
                next.add(withState(generation, GenerationState.OLD));
            } else {
                next.add(generation);
            }
        }
        return new EnvironmentState(environment, version, next, scale, vars);
    }

    public EnvironmentState withScale(Map<String, Integer> newScale) {
        return new EnvironmentState(environment, version, generations, newScale, vars);
    }

    public EnvironmentState withVars(Map<String, String> newVars) {
        return new EnvironmentState(environment, version, generations, scale, newVars);
    }

    /** The same state at another compare-and-set version (for backends only). */
    public EnvironmentState withVersion(long newVersion) {
        return new EnvironmentState(environment, newVersion, generations, scale, vars);
    }

    /** The generation with its state changed; nodes and digests are kept (but see {@link #withoutNodesIfTerminated}). */
    public static Generation withState(Generation generation, GenerationState state) {
        return new Generation(generation.id(), state, generation.createdAt(), generation.slug(),
                generation.configDigest(), generation.nodes());
    }

    /**
     * A terminated generation's resources are gone, so the state keeps no node records for it:
     * the state stays small however long the history grows (state files written before this
     * rule read fine; their terminated nodes are dropped at the next write).
     */
    private static Generation withoutNodesIfTerminated(Generation generation) {
        return generation.state() == GenerationState.TERMINATED && !generation.nodes().isEmpty()
                ? new Generation(generation.id(), generation.state(), generation.createdAt(), generation.slug(),
                        generation.configDigest(), List.of())
                : generation;
    }

    /** Copy of {@code vars} for callers that want to change it. */
    public Map<String, String> varsCopy() {
        return new LinkedHashMap<>(vars);
    }

    private Optional<Generation> inState(GenerationState state) {
        return generations.stream().filter(g -> g.state() == state).findFirst();
    }

    private int indexOf(long id) {
        for (int i = 0; i < generations.size(); i++) {
            if (generations.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static StateException invalid(String message) {
        return new StateException(ExitCode.FAILED, message, "this is a bug in the caller or a hand-edited state file; nothing was written");
    }
}
