package io.neckbeard.provider;

import io.neckbeard.loadbalancer.Target;
import io.neckbeard.model.StackSettings;
import io.neckbeard.stack.StackTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A resource's port is read in one place: the load balancer target and the Stack get the same number, or the same error. */
class ResourcePortTest {
    private static Resource withPort(String port) {
        return new Resource("dev/g1-web-1", "local", "127.0.0.1", ResourceState.RUNNING, Map.of(), Map.of("port", port));
    }

    @Test
    void theTargetAndTheStackGetTheResourcesPort() {
        Resource resource = withPort("8080");

        assertThat(resource.port()).isEqualTo(8080);
        assertThat(Target.of("web-1", resource).port()).isEqualTo(8080);
        assertThat(stackTarget(resource).port()).isEqualTo(8080);
    }

    @Test
    void aResourceWithoutAPortHasNone() {
        Resource resource = new Resource("h", "static", "h", ResourceState.RUNNING, Map.of(), Map.of());

        assertThat(resource.port()).isNull();
        assertThat(Target.of("web-1", resource).port()).isZero();
        assertThat(stackTarget(resource).port()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "0", "65536", "-1", "80 "})
    void aPortThatIsNotAPortNumberIsOneErrorNamingTheResource(String port) {
        Resource resource = withPort(port);

        for (Runnable use : new Runnable[] {resource::port, () -> Target.of("web-1", resource), () -> stackTarget(resource)}) {
            assertThatThrownBy(use::run).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("resource dev/g1-web-1 has port '" + port + "', which is not a port number");
        }
    }

    private static StackTarget stackTarget(Resource resource) {
        return StackTarget.forResource(resource, new StackSettings("/srv/app", 2, "direct"), "hello", "dev", "web-1", 1,
                Map.of(), Map.of());
    }
}
