package io.neckbeard.coordinator.s3yaml;

import com.sun.net.httpserver.HttpServer;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * moto grants everything, so a denial comes from a loopback HTTP server that answers every request
 * the way S3 answers a caller without the permission: 403 with an AccessDenied error document.
 */
class S3YamlAccessDeniedTest {
    private HttpServer denying;

    @BeforeEach
    void startDenyingServer() throws IOException {
        denying = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        denying.createContext("/", exchange -> {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                    + "<Message>Access Denied</Message><RequestId>0</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(403, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        denying.start();
    }

    @AfterEach
    void stop() {
        denying.stop(0);
    }

    private S3YamlBackend backend() {
        URI endpoint = URI.create("http://127.0.0.1:" + denying.getAddress().getPort());
        return new S3YamlBackend(MotoS3.settings(), MotoS3.client(endpoint));
    }

    @Test
    void aDeniedReadIsExitTwoNamingTheBucketAndGetObject() {
        try (S3YamlBackend backend = backend()) {
            assertThatThrownBy(() -> backend.read("production"))
                    .isInstanceOfSatisfying(CoordinatorException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.remedy()).contains("s3:GetObject").contains("arn:aws:s3:::team-state/neckbeard/*");
                    })
                    .hasMessageContaining("access denied").hasMessageContaining("s3://team-state/neckbeard/production/state.yml")
                    .hasMessageContaining("s3:GetObject");
        }
    }

    @Test
    void aDeniedWriteNamesPutObjectAndADeniedListNamesListBucket() {
        try (S3YamlBackend backend = backend()) {
            assertThatThrownBy(() -> backend.write(EnvironmentState.empty("production")))
                    .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                    .hasMessageContaining("s3:PutObject").hasMessageContaining("team-state");
            assertThatThrownBy(backend::environments)
                    .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                    .hasMessageContaining("s3:ListBucket").hasMessageContaining("team-state");
        }
    }
}
