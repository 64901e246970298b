package io.neckbeard.aws.doctor;

import io.neckbeard.aws.RecordingClassLoader;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** doctor's aws check stays out of projects that use no AWS: no line, and no SDK class loaded. */
class AwsProjectChecksTest {

    @Test
    void aProjectWithoutAwsPartsGetsNoCheckAndLoadsNoSdkClass() throws Exception {
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            Class<?> checksClass = loader.loadClass(AwsProjectChecks.class.getName());
            Class<?> projectClass = loader.loadClass("io.neckbeard.model.Project");
            // a project of local nodes on the local-yaml coordinator: no node type, no coordinator block
            Object project = Proxy.newProxyInstance(loader, new Class<?>[] {projectClass},
                    (proxy, method, args) -> method.getName().equals("nodeTypes") ? Map.of() : null);

            Object checks = checksClass.getMethod("check", projectClass).invoke(checksClass.getConstructor().newInstance(), project);

            assertThat(checks).isEqualTo(List.of());
            assertThat(loader.loaded()).contains(AwsProjectChecks.class.getName())
                    .noneMatch(name -> name.startsWith("software.amazon."));
        }
    }
}
