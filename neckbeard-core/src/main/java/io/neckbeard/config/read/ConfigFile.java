package io.neckbeard.config.read;

import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.model.ServiceSpec;
import io.neckbeard.model.StackSettings;
import io.neckbeard.model.TypedSettings;

import java.util.Map;

/**
 * {@code neckbeard/config.yml} read into its parts, with defaults applied. Maps keep file order.
 *
 * @param awsProfile {@code aws.profile}: the AWS profile of the providers, or null
 */
public record ConfigFile(YamlFile yaml, String app, String region, String awsProfile, TypedSettings packager, TypedSettings coordinator,
                         TypedSettings provisioner, StackSettings stack, Map<String, ServiceSpec> services,
                         Map<String, NodeTypeDefinition> nodeTypes, Map<String, Map<String, Object>> sizes,
                         Map<String, Map<String, Object>> zones, Map<String, LoadBalancerSpec> loadBalancers,
                         Map<String, EnvDefinition> bases) {
}
