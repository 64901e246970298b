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

    /** The AWS profile the providers use (config.yml's {@code aws: {profile: NAME}}), or null for the SDK's default credentials. */
    default String awsProfile() {
        return null;
    }

    TypedSettings packager();

    TypedSettings coordinator();

    TypedSettings provisioner();

    StackSettings stack();

    Map<String, ServiceSpec> services();

    Map<String, NodeTypeSpec> nodeTypes();

    /**
     * The load balancers as {@code environment} sees them: config.yml's {@code load_balancers:}
     * with the environment's {@code load_balancers:} layers merged over their settings.
     *
     * @throws io.neckbeard.core.NeckbeardException exit 2 when the environment was not loaded
     */
    Map<String, LoadBalancerSpec> loadBalancers(String environment);

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
