package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.engine.NodeService;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.provider.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** node adopt takes only a resource of its own environment: real local nodes, tagged at launch. */
class NodeAdoptTest {
    private static final Operator ME = new Operator("alice", "laptop", ProcessHandle.current().pid());
    private final InMemoryCoordinatorBackend backend = new InMemoryCoordinatorBackend();
    private final Coordinator coordinator = new Coordinator(backend, ME, Duration.ofMinutes(5), Clock.systemUTC());
    private final FixedProject project = new FixedProject();
    @TempDir
    Path localProject;

    private ResourceProvider provider(String type) {
        return Plugins.builtIn().find(ResourceProviderFactory.class, type, "resource provider")
                .create(new ProviderContext(localProject, "hello", null));
    }

    private Resource launchLocal(String app, String environment, String node) {
        NodeSpec spec = new NodeSpec(node, "app", 2, "us-east-1b", null, "local", List.of(), new ParamTree(Map.of(), Map.of()));
        return provider("local").launch(new LaunchRequest(app, environment, 1, spec, Map.of(), Tags.of(app, environment, 1, node),
                app + "-" + environment + "-g1-" + node, null, localProject));
    }

    @Test
    void aResourceTaggedForAnotherEnvironmentIsRefusedAndNothingIsRecorded() {
        Resource staging = launchLocal("hello", "staging", "app-2");
        NodeService nodes = new NodeService(project, coordinator, type -> provider("local"));

        assertThatThrownBy(() -> nodes.adopt("production", "app-2", staging.id(), List.of("node", "adopt")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                    assertThat(e.getMessage()).contains(staging.id()).contains("belongs to environment staging");
                });

        assertThat(backend.read("production").active()).isEmpty();
        assertThat(backend.audit("production", 1)).singleElement()
                .satisfies(entry -> assertThat(entry.result()).isEqualTo("refused"));
    }

    @Test
    void aResourceOfThisEnvironmentIsAdopted() {
        Resource own = launchLocal("hello", "production", "app-2");
        NodeService nodes = new NodeService(project, coordinator, type -> provider("local"));

        assertThat(nodes.adopt("production", "app-2", own.id(), List.of()).resourceId()).isEqualTo(own.id());
        assertThat(backend.read("production").active().orElseThrow().nodes()).singleElement()
                .satisfies(record -> assertThat(record.resourceId()).isEqualTo(own.id()));
    }

    @Test
    void aStaticHostIsNeverAdoptedSinceItCarriesNoTags() {
        NodeService nodes = new NodeService(project, coordinator, type -> provider("static"));

        assertThatThrownBy(() -> nodes.adopt("production", "app-2", "10.0.0.9", List.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                    assertThat(e.remedy()).contains("static.hosts");
                });
    }
}
