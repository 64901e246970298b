package io.neckbeard.config;

import io.neckbeard.model.Problem;
import io.neckbeard.model.Project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code neckbeard check}: loads and validates config.yml and the environments asked for (all when none). */
public final class CheckService {
    private final ConfigLoader loader;

    public CheckService(ConfigLoader loader) {
        this.loader = loader;
    }

    /**
     * What was checked and what was found: {@code ok} exactly when {@code problems} is empty.
     *
     * @param environments the environments checked (when the configuration cannot be read: those asked for)
     * @param nodes        how many nodes they define (0 when there are problems)
     */
    public record CheckResult(boolean ok, List<String> environments, int nodes, List<Problem> problems) {
        public CheckResult {
            environments = List.copyOf(environments);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Every configuration problem of the project, as a result rather than an exception. A
     * project that cannot be checked at all (no config.yml, an unknown environment) still throws.
     */
    public CheckResult check(Path root, List<String> environments) {
        try {
            Project project = loader.load(root, environments);
            List<String> checked = environments.isEmpty() ? project.environmentNames() : List.copyOf(environments);
            int nodes = checked.stream().mapToInt(env -> project.nodes(env, Map.of()).size()).sum();
            return new CheckResult(true, checked, nodes, List.of());
        } catch (ConfigException e) {
            return new CheckResult(false, environments, 0, e.problems());
        }
    }
}
