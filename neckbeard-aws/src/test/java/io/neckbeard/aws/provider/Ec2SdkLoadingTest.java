package io.neckbeard.aws.provider;

import io.neckbeard.aws.testing.RecordingLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that validates or creates the ec2 provider, but never calls EC2, loads no AWS SDK class. */
class Ec2SdkLoadingTest {

    @Test
    void validatingAndCreatingTheProviderLoadsNoSdkClass() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            Class<?> factoryClass = loader.loadClass(Ec2ProviderFactory.class.getName());
            Object factory = factoryClass.getConstructor().newInstance();
            factoryClass.getMethod("validate", String.class, Map.class)
                    .invoke(factory, "web", Map.of("ec2", Map.of("image_id", "ami-1", "instance_type", "t3.small")));
            Class<?> contextClass = loader.loadClass("io.neckbeard.provider.ProviderContext");
            Object context = contextClass.getConstructor(Path.class, String.class, String.class)
                    .newInstance(Path.of("."), "shop", "us-east-1");
            Object provider = factoryClass.getMethod("create", contextClass).invoke(factory, context);

            assertThat(provider).isNotNull();
            assertThat(loader.loaded()).contains(Ec2ProviderFactory.class.getName())
                    .noneMatch(name -> name.startsWith("software.amazon."));
        }
    }
}
