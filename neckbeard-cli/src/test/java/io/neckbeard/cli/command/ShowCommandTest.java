package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.core.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShowCommandTest {
    @TempDir
    static Path temp;
    static ConfigCliRunner cli;
    static String awsWeb;

    @BeforeAll
    static void setUp() {
        cli = new ConfigCliRunner(temp);
        awsWeb = ConfigCliRunner.example("aws-web").toString();
    }

    @Test
    void textShowsAHeaderAndAnIndentedTreePerNode() {
        ConfigCliRunner.Result result = cli.run("-C", awsWeb, "show", "production", "--node", "app-2");

        assertThat(result.out()).startsWith(
                "app-2 (type app, size large, az us-east-1b, resource ec2, services web, memcached)" + System.lineSeparator());
        assertThat(result.out()).contains("  ec2:").contains("    instance_type: m6i.large").contains("    subnet_id: subnet-0ccc3333")
                .contains("    - aws-web-app");
        assertThat(result.code()).isZero();
    }

    @Test
    void jsonHasTheShapeOfTheDesign() throws Exception {
        ConfigCliRunner.Result result = cli.run("-C", awsWeb, "-o", "json", "show", "production");

        JsonNode json = Json.mapper().readTree(result.out());
        assertThat(json.get("environment").asText()).isEqualTo("production");
        assertThat(json.get("nodes")).extracting(n -> n.get("name").asText())
                .containsExactly("app-1", "app-2", "app-3", "app-4", "db-1");
        JsonNode app = json.get("nodes").get(0);
        assertThat(app.fieldNames()).toIterable()
                .containsExactly("name", "type", "size", "az", "resource", "services", "params");
        assertThat(app.get("services")).extracting(JsonNode::asText).containsExactly("web", "memcached");
        assertThat(app.at("/params/memcached/memory_mb").asInt()).isEqualTo(256);
        assertThat(json.at("/nodes/4/params/rds/multi_az").asBoolean()).isTrue();
        assertThat(result.code()).isZero();
    }

    @Test
    void provenanceNamesLayerFileAndLine() throws Exception {
        ConfigCliRunner.Result json = cli.run("-C", awsWeb, "-o", "json", "show", "production", "--node", "db-1", "--provenance");
        ConfigCliRunner.Result text = cli.run("-C", awsWeb, "show", "production", "--node", "db-1", "--provenance");

        JsonNode multiAz = Json.mapper().readTree(json.out()).at("/nodes/0/provenance").get("rds.multi_az");
        assertThat(multiAz.get("layer").asText()).isEqualTo("env:production.node_params");
        assertThat(multiAz.get("file").asText().replace('\\', '/')).endsWith("examples/aws-web/neckbeard/envs/production.yml");
        assertThat(multiAz.get("line").asInt()).isEqualTo(8);
        assertThat(text.out().replace('\\', '/'))
                .contains("multi_az: true    # env:production.node_params ")
                .contains("aws-web/neckbeard/envs/production.yml:8");
    }

    @Test
    void secretsStayAsWritten() {
        ConfigCliRunner.Result result = cli.run("-C", awsWeb, "show", "production", "--node", "db-1");

        assertThat(result.out()).contains("password: ${env:DB_PASSWORD}");
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() {
        ConfigCliRunner.Result result = cli.run("-C", awsWeb, "show", "prodution");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("unknown environment 'prodution'")
                .contains("did you mean 'production'? valid environments: production, staging");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownNodeListsTheNodes() {
        ConfigCliRunner.Result result = cli.run("-C", awsWeb, "show", "staging", "--node", "app-9");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("environment 'staging' has no node 'app-9'").contains("app-1, app-2, db-1");
    }
}
