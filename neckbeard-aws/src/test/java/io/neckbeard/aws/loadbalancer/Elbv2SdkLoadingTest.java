package io.neckbeard.aws.loadbalancer;

import io.neckbeard.aws.RecordingClassLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that validates or creates the elbv2 balancer, but never calls ELBv2, loads no AWS SDK class. */
class Elbv2SdkLoadingTest {

    @Test
    void validatingAndCreatingTheBalancerLoadsNoSdkClass() throws Exception {
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            Map<String, Object> settings = Map.of("target_group", "aws-web-production", "drain_seconds", 30);
            Class<?> factoryClass = loader.loadClass(Elbv2LoadBalancerFactory.class.getName());
            Object factory = factoryClass.getConstructor().newInstance();
            Class<?> validationClass = loader.loadClass("io.neckbeard.plugin.ValidationContext");
            Object offline = validationClass.getConstructor(Path.class, Collection.class).newInstance(null, List.of());
            Object problems = factoryClass.getMethod("validate", Map.class, validationClass).invoke(factory, settings, offline);
            Class<?> specClass = loader.loadClass("io.neckbeard.model.LoadBalancerSpec");
            Object spec = specClass.getConstructor(String.class, String.class, Map.class).newInstance("web", "elbv2", settings);
            Class<?> contextClass = loader.loadClass("io.neckbeard.loadbalancer.LoadBalancerContext");
            Object context = contextClass.getConstructor(Path.class, String.class, specClass, String.class)
                    .newInstance(Path.of("."), "shop", spec, "us-east-1");
            Object balancer = factoryClass.getMethod("create", contextClass).invoke(factory, context);

            assertThat((List<?>) problems).isEmpty();
            assertThat(balancer).isNotNull();
            assertThat(loader.loaded()).contains(Elbv2LoadBalancer.class.getName())
                    .noneMatch(name -> name.startsWith("software.amazon."));
        }
    }
}
