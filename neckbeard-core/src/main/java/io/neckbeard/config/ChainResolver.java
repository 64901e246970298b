package io.neckbeard.config;

import io.neckbeard.config.read.EnvDefinition;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.core.Suggestions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves an environment's {@code extends} chain. An env file's {@code extends: X} names the
 * env file X when there is one (and X is not itself), else the base X of config.yml; a base
 * extends only other bases. So {@code envs/production.yml} may extend the base {@code production}.
 */
final class ChainResolver {
    private final Function<String, EnvDefinition> envFiles;
    private final Map<String, EnvDefinition> bases;
    private final List<String> envFileNames;
    private final Problems problems;

    ChainResolver(Function<String, EnvDefinition> envFiles, List<String> envFileNames, Map<String, EnvDefinition> bases,
                  Problems problems) {
        this.envFiles = envFiles;
        this.envFileNames = envFileNames;
        this.bases = bases;
        this.problems = problems;
    }

    /** The chain from its root base to {@code env} (last); cut short where a link is broken (reported). */
    List<EnvDefinition> chain(EnvDefinition env) {
        List<EnvDefinition> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        EnvDefinition current = env;
        while (current != null) {
            chain.add(current);
            seen.add(key(current));
            if (current.extendsName() == null) {
                break;
            }
            EnvDefinition next = parent(current);
            if (next == null) {
                Set<String> known = new LinkedHashSet<>(bases.keySet());
                if (current.deployable()) {
                    known.addAll(envFileNames);
                }
                problems.add(current.yaml(), current.path("extends"), current.label() + " extends '" + current.extendsName()
                        + "', which does not exist (chain: " + render(chain) + " -> " + current.extendsName() + ")",
                        Suggestions.fix(current.extendsName(), known, "environments to extend"));
                break;
            }
            if (seen.contains(key(next))) {
                problems.add(current.yaml(), current.path("extends"), "cyclic extends chain: " + render(chain) + " -> "
                        + next.name(), "remove the 'extends' that leads back to an environment already in the chain");
                break;
            }
            current = next;
        }
        Collections.reverse(chain);
        return chain;
    }

    private EnvDefinition parent(EnvDefinition child) {
        String name = child.extendsName();
        if (child.deployable() && !name.equals(child.name()) && envFileNames.contains(name)) {
            return envFiles.apply(name);
        }
        return bases.get(name);
    }

    private static String key(EnvDefinition env) {
        return (env.deployable() ? "file:" : "base:") + env.name();
    }

    private static String render(List<EnvDefinition> chain) {
        return chain.stream().map(EnvDefinition::name).collect(Collectors.joining(" -> "));
    }
}
