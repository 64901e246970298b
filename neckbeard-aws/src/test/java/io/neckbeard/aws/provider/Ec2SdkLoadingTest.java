package io.neckbeard.aws.provider;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that validates or creates the ec2 provider, but never calls EC2, loads no AWS SDK
 * class: nor does the run's call count it reads (empty) or the run's end, which closes what the run shared.
 */
class Ec2SdkLoadingTest {

    @Test
    void validatingAndCreatingTheProviderLoadsNoSdkClass() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            Class<?> factoryClass = loader.loadClass(Ec2ProviderFactory.class.getName());
            Object factory = factoryClass.getConstructor().newInstance();
            factoryClass.getMethod("validate", String.class, Map.class)
                    .invoke(factory, "web", Map.of("ec2", Map.of("image_id", "ami-1", "instance_type", "t3.small")));
            Class<?> contextClass = loader.loadClass("io.neckbeard.provider.ProviderContext");
            Class<?> runClass = loader.loadClass("io.neckbeard.plugin.RunScope");
            Object run = runClass.getConstructor().newInstance();
            Object context = contextClass.getConstructor(Path.class, String.class, String.class, runClass)
                    .newInstance(Path.of("."), "shop", "us-east-1", run);
            Object provider = factoryClass.getMethod("create", contextClass).invoke(factory, context);
            Object calls = runClass.getMethod("calls").invoke(run);
            Object totals = calls.getClass().getMethod("totals").invoke(calls);
            runClass.getMethod("close").invoke(run);

            assertThat(provider).isNotNull();
            assertThat((Map<?, ?>) totals).isEmpty();
            assertThat(loader.loaded).contains(Ec2ProviderFactory.class.getName())
                    .noneMatch(name -> name.startsWith("software.amazon."));
        }
    }

    /** Loads the test's class path itself (the platform loader as parent) and records every class asked of it. */
    private static final class RecordingLoader extends URLClassLoader {
        final List<String> loaded = Collections.synchronizedList(new ArrayList<>());

        RecordingLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            loaded.add(name);
            return super.loadClass(name, resolve);
        }

        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(entry -> {
                try {
                    return Path.of(entry).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(URL[]::new);
        }
    }
}
