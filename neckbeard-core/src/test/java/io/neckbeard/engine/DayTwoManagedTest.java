package io.neckbeard.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ps} and {@code logs} skip a managed node (nothing to log into) with a note, and look at the host nodes. */
class DayTwoManagedTest {
    @RegisterExtension
    final EngineFixture fixture = new EngineFixture();

    @Test
    void psAndLogsSkipTheManagedNodeWithANoteAndAnswerForTheHostNode() throws IOException {
        fixture.useConfig("peers/web-with-db.yml");
        try (DeployContext context = fixture.open()) {
            assertThat(new UpService(context, EngineFixture.SILENT).up(false, null, List.of()).result()).isEqualTo("ok");

            List<NodeProcesses> ps = new ProcessListService(context).list(null, null);
            List<String> skipped = new ArrayList<>();
            List<LogService.NodeProblem> problems = new LogService(context).show(null, null, null, List.of(), 5, false,
                    (node, process, line) -> { }, (node, why) -> skipped.add(node + ": " + why));

            assertThat(ps).extracting(NodeProcesses::node).containsExactly("db-1", "web-1");
            assertThat(ps.get(0).skipped()).isEqualTo("a managed stand-in-db resource runs no commands");
            assertThat(ps.get(1).skipped()).isNull();
            assertThat(ps.get(1).processes()).singleElement().satisfies(web -> assertThat(web.running()).isTrue());
            assertThat(skipped).containsExactly("db-1: a managed stand-in-db resource runs no commands");
            assertThat(problems).isEmpty();
        }
    }
}
