package io.neckbeard.provider.staticip;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A static host is running while its SSH port accepts connections: its health is its reachability. */
class StaticHostReachabilityTest {
    private final ResourceProvider provider = new StaticProviderFactory().create(new ProviderContext(Path.of("."), "hello", null));

    @Test
    void aHostIsRunningWhileItsSshPortAcceptsConnectionsAndUnreachableOnceItStops() throws IOException {
        Resource launched;
        try (ServerSocket sshd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            launched = launch(Map.of("port", sshd.getLocalPort()));
            assertThat(provider.refresh(launched).state()).isEqualTo(ResourceState.RUNNING);
        }
        assertThat(provider.refresh(launched).state()).isEqualTo(ResourceState.UNREACHABLE);
    }

    @Test
    void aHostWhoseSshPortComesFromTheEnvironmentKeepsNoPortAndIsTakenToBeRunning() {
        Resource launched = launch(Map.of("port", "${env:SSH_PORT}"));

        assertThat(launched.attributes()).doesNotContainKey(StaticProvider.SSH_PORT);
        assertThat(provider.refresh(launched).state()).isEqualTo(ResourceState.RUNNING);
    }

    @Test
    void refreshingManyHostsAnswersEachInTheOrderAsked() throws IOException {
        Resource down;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = launch(Map.of("port", gone.getLocalPort()));
        }
        try (ServerSocket sshd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Resource up = launch(Map.of("port", sshd.getLocalPort()));

            assertThat(provider.refreshAll(List.of(down, up, down))).extracting(Resource::state)
                    .containsExactly(ResourceState.UNREACHABLE, ResourceState.RUNNING, ResourceState.UNREACHABLE);
        }
    }

    private Resource launch(Map<String, Object> ssh) {
        Map<String, Object> params = Map.of("static", Map.of("hosts", List.of("127.0.0.1")), "ssh", ssh);
        NodeSpec node = new NodeSpec("web-1", "web", 1, null, null, "static", List.of(), new ParamTree(params, Map.of()));
        return provider.launch(new LaunchRequest("hello", "dev", 1, node, params, Tags.of("hello", "dev", 1, "web-1"),
                "hello-dev-g1-web-1", null, Path.of(".")));
    }
}
