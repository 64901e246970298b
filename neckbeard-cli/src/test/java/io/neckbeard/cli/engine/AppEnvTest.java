package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's {@code app_env} reaches the app's processes on real local nodes, beneath the config vars
 * (which win on a clash) and the Stack's own variables (which win over both).
 */
class AppEnvTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void theAppSeesItsAppEnvWithConfigVarsAndTheStacksVariablesWinning() throws Exception {
        project.writeEnvironment("dev", """
                extends: base
                params:
                  app_env: {GREETING: hello from app_env, SHARED: from app_env, PORT: "1", NODE_NAME: "${node.name}"}
                """);
        assertThat(project.run("vars", "dev", "set", "SHARED=from vars").exit()).isZero();

        Cli.Run up = project.run("up", "dev");

        assertThat(up.exit()).as(up.err()).isZero();
        for (NodeRecord node : project.state("dev").active().orElseThrow().nodes()) {
            assertThat(EngineProject.body(node)).contains("node=" + node.name(), "greeting=hello from app_env");
        }
        Cli.Run run = project.run("run", "dev", "--node", "web-2", "--", "echo", "\"$SHARED|$NODE_NAME|$PORT\"");
        assertThat(run.exit()).as(run.err()).isZero();
        NodeRecord web2 = project.state("dev").active().orElseThrow().nodes().get(1);
        assertThat(run.out()).contains("web-2 | from vars|web-2|" + EngineProject.port(web2));
    }
}
