package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the app serves can be found later: every node record keeps its address, port and URL,
 * {@code status} shows them (text and JSON), and the commands that change what serves
 * ({@code up}, {@code up --pending}, {@code promote}, {@code rollback}) print the URLs that serve now.
 */
class EndpointsTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void recordsStatusAndEveryCommandThatChangesWhatServesShowTheNodesUrls() {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
        Generation first = project.state("dev").active().orElseThrow();
        for (NodeRecord node : first.nodes()) {
            assertThat(node.port()).isEqualTo(EngineProject.port(node));
            assertThat(node.url()).isEqualTo(url(node));
            assertThat(EngineProject.get(node.port(), "/health")).as("the recorded URL serves").isEqualTo("ok\n");
        }
        assertThat(up.out()).contains("generation 1 serves at:").containsPattern("(?m)^  web-1 +" + url(first.nodes().get(0)) + "$")
                .containsPattern("(?m)^  web-2 +" + url(first.nodes().get(1)) + "$");

        Cli.Run status = project.run("status", "dev");
        assertThat(status.out()).contains("127.0.0.1:" + first.nodes().get(0).port(), url(first.nodes().get(1)));
        JsonNode node = project.run("-o", "json", "status", "dev").json().at("/generations/0/nodes/0");
        assertThat(node.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(node.get("port").asInt()).isEqualTo(first.nodes().get(0).port());
        assertThat(node.get("url").asText()).isEqualTo(url(first.nodes().get(0)));

        Cli.Run pending = project.run("-o", "json", "up", "dev", "--pending");
        assertThat(pending.exit()).as(pending.err()).isZero();
        Generation second = project.state("dev").pending().orElseThrow();
        assertThat(pending.json().get("serving")).hasSize(2);
        assertThat(pending.json().at("/serving/0/url").asText()).isEqualTo(url(second.nodes().get(0)));

        Cli.Run promote = project.run("promote", "dev");
        assertThat(promote.exit()).as(promote.err()).isZero();
        assertThat(promote.out()).contains("generation 2 serves at:", url(second.nodes().get(0)), url(second.nodes().get(1)))
                .doesNotContain(url(first.nodes().get(0)));

        Cli.Run rollback = project.run("-o", "json", "rollback", "dev");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.json().at("/serving/1/node").asText()).isEqualTo("web-2");
        assertThat(rollback.json().at("/serving/1/url").asText()).isEqualTo(url(first.nodes().get(1)));
        assertThat(rollback.json().at("/serving/1/port").asInt()).isEqualTo(first.nodes().get(1).port());
    }

    private static String url(NodeRecord node) {
        return "http://127.0.0.1:" + EngineProject.port(node) + "/";
    }
}
