package io.neckbeard.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A loaded, validated project: {@code neckbeard/config.yml} plus the environments asked for. */
public interface Project {

    Path root();

    String app();

    /** The AWS region, or null when the project uses none. */
    String region();

    TypedSettings packager();

    TypedSettings coordinator();

    TypedSettings provisioner();

    StackSettings stack();

    Map<String, ServiceSpec> services();

    Map<String, NodeTypeSpec> nodeTypes();

    Map<String, LoadBalancerSpec> loadBalancers();

    /** Deployable environments ({@code neckbeard/envs/*.yml}), sorted. */
    List<String> environmentNames();

    /**
     * The named deployable environment.
     *
     * @throws io.neckbeard.core.NeckbeardException exit 2, listing the known environments, when there is none
     */
    EnvironmentSpec environment(String name);

    /**
     * Every node of {@code environment}, ordered by type (as declared) then index.
     *
     * @param counts node counts kept in the coordinator by {@code scale}, by type; a type
     *               missing here uses the environment's {@code nodes.<type>.count}
     */
    List<NodeSpec> nodes(String environment, Map<String, Integer> counts);
}
