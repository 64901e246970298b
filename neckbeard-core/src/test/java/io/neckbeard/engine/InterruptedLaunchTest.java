package io.neckbeard.engine;

import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource a run launched but never recorded (the run was killed between its launch and the
 * coordinator write) is found by its tags on the next {@code up}, and its provider is asked to
 * finish that launch (wait until it runs, attach what a launch attaches) instead of launching
 * a second one.
 */
class InterruptedLaunchTest {
    private static final List<String> ARGUMENTS = List.of();

    @RegisterExtension
    final EngineFixture fixture = new EngineFixture();

    @Test
    void upResumesTheResourceAnInterruptedRunLeftUnrecordedInsteadOfLaunchingAnother() {
        try (DeployContext context = fixture.open()) {
            ok(new UpService(context, EngineFixture.SILENT).up(false, null, ARGUMENTS));
            new NodeService(context.project(), context.coordinator(), context::provider).forget("dev", "web-1", ARGUMENTS);
            CountingLocalProviderFactory.CountingProvider provider = EngineFixture.provider(context);
            provider.forget();

            ok(new UpService(context, EngineFixture.SILENT).up(false, null, ARGUMENTS));

            assertThat(provider.calls()).contains("resume dev/g1-web-1")
                    .noneMatch(call -> call.startsWith("launch") || call.startsWith("resume dev/g1-web-2"));
            NodeRecord web1 = context.coordinator().read("dev").active().orElseThrow().nodes().stream()
                    .filter(node -> node.name().equals("web-1")).findFirst().orElseThrow();
            assertThat(web1.resourceId()).isEqualTo("dev/g1-web-1");
        }
    }

    private static void ok(DeployResult result) {
        assertThat(result.result()).as("%s", result).isEqualTo("ok");
    }
}
