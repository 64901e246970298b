package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.EnvironmentSpec;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.NodeGroup;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.NodeTypeSpec;
import io.neckbeard.model.Project;
import io.neckbeard.model.ServiceSpec;
import io.neckbeard.model.StackSettings;
import io.neckbeard.model.TypedSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A project with one environment, {@code production}: AZs a and b, {@code app} nodes (count 4,
 * min_per_az 2, max_count 10) and one {@code db}. Stands in for a loaded configuration in
 * coordinator service tests.
 */
final class FixedProject implements Project {
    private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b");
    private final EnvironmentSpec production = new EnvironmentSpec("production", Path.of("neckbeard/envs/production.yml"),
            List.of("production"), ZONES, Map.of("app", new NodeGroup("app", 4, 2, 10, null),
            "db", new NodeGroup("db", 1, 0, null, null)), Map.of(), "production");

    @Override
    public Path root() {
        return Path.of(".");
    }

    @Override
    public String app() {
        return "hello";
    }

    @Override
    public String region() {
        return null;
    }

    @Override
    public TypedSettings packager() {
        return null;
    }

    @Override
    public TypedSettings coordinator() {
        return null;
    }

    @Override
    public TypedSettings provisioner() {
        return null;
    }

    @Override
    public StackSettings stack() {
        return null;
    }

    @Override
    public Map<String, ServiceSpec> services() {
        return Map.of();
    }

    @Override
    public Map<String, NodeTypeSpec> nodeTypes() {
        return Map.of();
    }

    @Override
    public Map<String, LoadBalancerSpec> loadBalancers(String environment) {
        return Map.of();
    }

    @Override
    public List<String> environmentNames() {
        return List.of("production");
    }

    @Override
    public EnvironmentSpec environment(String name) {
        if (!name.equals("production")) {
            throw new NeckbeardException(ExitCode.USAGE, "unknown environment '" + name + "'", "known: production");
        }
        return production;
    }

    @Override
    public List<NodeSpec> nodes(String environment, Map<String, Integer> counts) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (String type : List.of("app", "db")) {
            int count = counts.getOrDefault(type, production.nodes().get(type).count());
            for (int i = 1; i <= count; i++) {
                nodes.add(new NodeSpec(type + "-" + i, type, i, ZONES.get((i - 1) % ZONES.size()), null,
                        type.equals("app") ? "ec2" : "rds", List.of(), null));
            }
        }
        return nodes;
    }
}
