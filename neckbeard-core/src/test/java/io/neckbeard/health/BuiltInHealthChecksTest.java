package io.neckbeard.health;

import io.neckbeard.model.ResolvedParams;
import com.sun.net.httpserver.HttpServer;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.local.LocalProviderFactory;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.Origin;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.Tags;
import io.neckbeard.transport.local.LocalTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each built-in health check against a real server, socket, process or local node. */
class BuiltInHealthChecksTest {
    @TempDir
    Path dir;
    HttpServer server;
    int port;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/health");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static HealthCheck check(String type, Map<String, Object> settings) {
        return Plugins.builtIn().find(HealthCheckFactory.class, type, "health check")
                .create(new HealthCheckContext(new TypedSettings(type, settings, new Origin("type", Path.of("neckbeard/config.yml"), 12, 5))));
    }

    private HealthTarget target(Integer nodePort) {
        return new HealthTarget("app-1", "127.0.0.1", nodePort, null, null, new LocalTransport(dir, "local:app-1"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void httpIsHealthyWhenThePathAnswersTheExpectedStatusOnTheNodesPort() {
        assertThat(check("http", Map.of("path", "/health", "timeout", "120s")).check(target(port)).healthy()).isTrue();

        HealthResult root = check("http", Map.of()).check(target(port));
        assertThat(root.healthy()).isFalse();
        assertThat(root.detail()).contains("HTTP 503", "expected 200");

        assertThat(check("http", Map.of("expect_status", 503)).check(target(port)).healthy()).isTrue();
    }

    @Test
    void httpDoesNotFollowARedirectToAHealthyPath() {
        HealthResult result = check("http", Map.of("path", "/moved")).check(target(port));

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).contains("HTTP 302", "expected 200");
        assertThat(check("http", Map.of("path", "/moved", "expect_status", 302)).check(target(port)).healthy()).isTrue();
    }

    @Test
    void httpUsesItsOwnPortSettingBeforeTheNodes() throws IOException {
        HealthCheck check = check("http", Map.of("path", "health", "port", port));

        assertThat(check.check(target(closedPort())).healthy()).isTrue();
        assertThat(check.check(target(null)).healthy()).isTrue();
    }

    @Test
    void httpIsUnhealthyWhenNothingListens() throws IOException {
        HealthResult result = check("http", Map.of("path", "/health")).check(target(closedPort()));

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).contains("failed");
    }

    @Test
    void httpSettingsMistakesAreUsageErrorsNamingTheSettingAndFile() {
        assertThatThrownBy(() -> check("http", Map.of("expect", 200)))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("neckbeard/config.yml:12", "health_check.expect");
                    assertThat(e.remedy()).contains("expect_status");
                });
        assertThatThrownBy(() -> check("http", Map.of("port", "eighty")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> check("http", Map.of("timeout", "soon")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.getMessage()).contains("health_check.timeout"));
        assertThatThrownBy(() -> check("http", Map.of()).check(target(null)))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.getMessage()).contains("app-1", "no port"));
    }

    @Test
    void tcpIsHealthyWhileTheSocketAcceptsConnections() throws IOException {
        int closed = closedPort();

        assertThat(check("tcp", Map.of()).check(target(port)).healthy()).isTrue();
        assertThat(check("tcp", Map.of("port", port)).check(target(closed)).healthy()).isTrue();
        HealthResult refused = check("tcp", Map.of()).check(target(closed));
        assertThat(refused.healthy()).isFalse();
        assertThat(refused.detail()).contains("127.0.0.1:" + closed);
    }

    @Test
    void commandIsHealthyWhenTheCommandExitsZeroOnTheNode() throws IOException {
        HealthCheck check = check("command", Map.of("command", "test -f ready || { echo not ready yet; exit 1; }"));

        HealthResult before = check.check(target(null));
        Files.writeString(dir.resolve("ready"), "");
        HealthResult after = check.check(target(null));

        assertThat(before.healthy()).isFalse();
        assertThat(before.detail()).isEqualTo("exit 1: not ready yet");
        assertThat(after.healthy()).isTrue();
        assertThatThrownBy(() -> check("command", Map.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.getMessage()).contains("health_check.command"));
    }

    @Test
    void providerIsHealthyWhileTheResourceRuns() {
        ResourceProvider provider = new LocalProviderFactory().create(new ProviderContext(dir, "hello", null));
        NodeSpec node = new NodeSpec("app-1", "app", 1, "a", "small", "local", List.of(), new ParamTree(Map.of(), Map.of()));
        Resource resource = provider.launch(new LaunchRequest("hello", "dev", 1, node, Map.of(), Tags.of("hello", "dev", 1, "app-1"),
                "t", null, dir));
        HealthCheck check = check("provider", Map.of());
        HealthTarget target = new HealthTarget("app-1", resource.address(), null, resource, provider,
                provider.transport(resource, node, ResolvedParams.plain(Map.of())));

        assertThat(check.check(target).healthy()).isTrue();
        provider.terminate(resource);
        HealthResult gone = check.check(target);

        assertThat(gone.healthy()).isFalse();
        assertThat(gone.detail()).isEqualTo("resource dev/g1-app-1 is gone");
    }
}
