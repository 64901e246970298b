package io.neckbeard.engine;

import io.neckbeard.coordinator.EnvironmentSession;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.Tags;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node record that points at another environment's resource (a mistaken adopt) stops up and
 * terminate before they touch it (plan shows the refusal).
 */
class ForeignResourceTest {
    @RegisterExtension
    final EngineFixture fixture = new EngineFixture();

    @Test
    void upAndTerminateRefuseARecordedResourceTaggedForAnotherEnvironment() {
        try (DeployContext context = fixture.open()) {
            NodeSpec web1 = context.project().nodes("dev", Map.of()).get(0);
            Resource prod = context.provider(web1.resource()).launch(new LaunchRequest("counted", "prod", 1, web1, Map.of(),
                    Tags.of("counted", "prod", 1, web1.name()), "counted-prod-g1-web-1", null, fixture.root()));
            Path prodDir = Path.of(prod.attributes().get("dir"));
            try (EnvironmentSession session = context.coordinator().session("dev", "test", List.of())) {
                session.update(state -> state.withGeneration(new Generation(1, GenerationState.ACTIVE, Instant.now(), null, null,
                        List.of(new NodeRecord(web1.name(), web1.type(), web1.az(), web1.resource(), prod.id(), null, null, null,
                                null, null, false, Map.of())))));
            }

            assertThat(new UpService(context, EngineFixture.SILENT).plan(false, null).refusal())
                    .satisfies(refusal -> assertThat(refusal.exitCode()).isEqualTo(ExitCode.REFUSED));
            assertThatThrownBy(() -> new UpService(context, EngineFixture.SILENT).up(false, null, List.of()))
                    .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                        assertThat(e.getMessage()).contains(prod.id()).contains("belongs to environment prod");
                        assertThat(e.remedy()).contains("neckbeard node forget dev web-1");
                    });
            assertThatThrownBy(() -> new TerminateService(context, EngineFixture.SILENT)
                    .terminate(new TerminateSelection(null, false, true), true, (question, action) -> { }, List.of()))
                    .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED));

            assertThat(prodDir.resolve("node.json")).exists();
            assertThat(prodDir.resolve("stack")).doesNotExist();
            assertThat(context.coordinator().read("dev").active().orElseThrow().nodes()).singleElement()
                    .satisfies(record -> assertThat(record.resourceId()).isEqualTo(prod.id()));
        }
    }
}
