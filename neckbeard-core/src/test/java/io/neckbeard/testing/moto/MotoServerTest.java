package io.neckbeard.testing.moto;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MotoServerTest {
    @Test
    void acceptsOnlyLoopbackEndpointsWithoutResolvingNames() {
        for (String loopback : new String[]{"http://127.0.0.1:5000", "http://127.8.9.10", "http://localhost:1", "http://[::1]:5000"}) {
            assertThat(MotoServer.requireLoopback(URI.create(loopback))).hasToString(loopback);
        }
        for (String elsewhere : new String[]{"https://s3.amazonaws.com", "http://10.0.0.5:5000", "http://169.254.169.254",
                "http://128.0.0.1", "http://127.0.0.1.example.com"}) {
            assertThatThrownBy(() -> MotoServer.requireLoopback(URI.create(elsewhere)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback only");
        }
    }
}
