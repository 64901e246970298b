package io.neckbeard.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code neckbeard check}: loads and validates config.yml and the environments asked for (all when none). */
public final class CheckService {
    private final ConfigLoader loader;

    public CheckService(ConfigLoader loader) {
        this.loader = loader;
    }

    /** What was checked; {@code ok} is always true (problems are thrown as one {@link ConfigException}). */
    public record CheckResult(boolean ok, List<String> environments, int nodes) {
    }

    public CheckResult check(Path root, List<String> environments) {
        Project project = loader.load(root, environments);
        List<String> checked = environments.isEmpty() ? project.environmentNames() : List.copyOf(environments);
        int nodes = checked.stream().mapToInt(env -> project.nodes(env, Map.of()).size()).sum();
        return new CheckResult(true, checked, nodes);
    }
}
