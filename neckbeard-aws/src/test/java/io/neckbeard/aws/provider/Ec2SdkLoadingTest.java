package io.neckbeard.aws.provider;

import io.neckbeard.aws.RecordingClassLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that validates or creates the ec2 or rds provider, but never calls AWS, loads no AWS
 * SDK class: nor does the run's call count it reads (empty) or the run's end, which closes what the run shared.
 */
class Ec2SdkLoadingTest {

    @Test
    void validatingAndCreatingTheProviderLoadsNoSdkClass() throws Exception {
        assertNoSdkClassLoaded(Ec2ProviderFactory.class, Map.of("ec2", Map.of("image_id", "ami-1", "instance_type", "t3.small")));
    }

    @Test
    void validatingAndCreatingTheRdsProviderLoadsNoSdkClass() throws Exception {
        assertNoSdkClassLoaded(RdsProviderFactory.class, Map.of("rds", Map.of("engine", "postgres", "instance_class", "db.t4g.small",
                "seed", Map.of("restore_time", "latest"), "parameters", Map.of("work_mem", 64), "engine_version", "16")));
    }

    private static void assertNoSdkClassLoaded(Class<?> factoryType, Map<String, Object> params) throws Exception {
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            Class<?> factoryClass = loader.loadClass(factoryType.getName());
            Object factory = factoryClass.getConstructor().newInstance();
            Object problems = factoryClass.getMethod("validate", String.class, Map.class).invoke(factory, "web", params);
            Class<?> contextClass = loader.loadClass("io.neckbeard.provider.ProviderContext");
            Class<?> runClass = loader.loadClass("io.neckbeard.plugin.RunScope");
            Object run = runClass.getConstructor().newInstance();
            Object context = contextClass.getConstructor(Path.class, String.class, String.class, String.class, runClass)
                    .newInstance(Path.of("."), "shop", "us-east-1", null, run);
            Object provider = factoryClass.getMethod("create", contextClass).invoke(factory, context);
            Object calls = runClass.getMethod("calls").invoke(run);
            Object totals = calls.getClass().getMethod("totals").invoke(calls);
            runClass.getMethod("close").invoke(run);

            assertThat((List<?>) problems).isEmpty();
            assertThat(provider).isNotNull();
            assertThat((Map<?, ?>) totals).isEmpty();
            assertThat(loader.loaded()).contains(factoryType.getName())
                    .noneMatch(name -> name.startsWith("software.amazon."));
        }
    }
}
