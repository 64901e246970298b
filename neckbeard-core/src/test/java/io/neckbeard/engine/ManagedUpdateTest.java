package io.neckbeard.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code up} brings a recorded, healthy managed node (the {@code stand-in-db} provider)
 * to configuration changed since its launch through its provider's {@code update}, then checks
 * it again; an unchanged configuration leaves it alone.
 */
class ManagedUpdateTest {
    @RegisterExtension
    final EngineFixture fixture = new EngineFixture();

    @Test
    void aChangedManagedNodeIsUpdatedOnceThenCheckedAndAnUnchangedOneIsLeftAlone() throws IOException {
        fixture.useConfig("peers/db-with-settings.yml");
        try (DeployContext context = fixture.open()) {
            assertThat(up(context).result()).isEqualTo("ok");
            assertThat(planOf(context).actions()).containsExactly(Action.NOTHING);
            assertThat(up(context).nodes()).singleElement().satisfies(db -> assertThat(db.action()).isEqualTo("nothing"));

            Path config = fixture.root().resolve("neckbeard/config.yml");
            Files.writeString(config, Files.readString(config).replace("max_connections: 100", "max_connections: 200"));
            DeployContext changed = fixture.reload(context);
            NodePlan planned = planOf(changed);
            DeployResult updated = up(changed);

            assertThat(planned.actions()).containsExactly(Action.UPDATE, Action.CHECK);
            assertThat(planned.reason()).isEqualTo("configuration changed");
            assertThat(updated.result()).isEqualTo("ok");
            assertThat(updated.nodes()).singleElement().satisfies(db -> assertThat(db.action()).isEqualTo("update, check"));
            assertThat(planOf(changed).actions()).containsExactly(Action.NOTHING);
            up(changed);
            assertThat(standInDatabase(context).updates()).isEmpty();
            assertThat(standInDatabase(changed).updates()).singleElement()
                    .satisfies(params -> assertThat(params).containsEntry("settings", Map.of("max_connections", 200, "work_mem", "4MB")));
        }
    }

    private static DeployResult up(DeployContext context) {
        return new UpService(context, EngineFixture.SILENT).up(false, null, List.of());
    }

    private static NodePlan planOf(DeployContext context) {
        return new UpService(context, EngineFixture.SILENT).plan(false, null).nodes().stream()
                .filter(node -> node.name().equals("db-1")).findFirst().orElseThrow();
    }

    private static StandInDatabaseProviderFactory.StandInDatabase standInDatabase(DeployContext context) {
        return (StandInDatabaseProviderFactory.StandInDatabase) context.provider(StandInDatabaseProviderFactory.TYPE);
    }
}
