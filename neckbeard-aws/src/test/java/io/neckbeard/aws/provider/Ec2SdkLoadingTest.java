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

/** A command that validates or creates the ec2 or rds provider, but never calls AWS, loads no AWS SDK class. */
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
        try (RecordingLoader loader = new RecordingLoader()) {
            Class<?> factoryClass = loader.loadClass(factoryType.getName());
            Object factory = factoryClass.getConstructor().newInstance();
            Object problems = factoryClass.getMethod("validate", String.class, Map.class).invoke(factory, "web", params);
            Class<?> contextClass = loader.loadClass("io.neckbeard.provider.ProviderContext");
            Object context = contextClass.getConstructor(Path.class, String.class, String.class)
                    .newInstance(Path.of("."), "shop", "us-east-1");
            Object provider = factoryClass.getMethod("create", contextClass).invoke(factory, context);

            assertThat((List<?>) problems).isEmpty();
            assertThat(provider).isNotNull();
            assertThat(loader.loaded).contains(factoryType.getName())
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
