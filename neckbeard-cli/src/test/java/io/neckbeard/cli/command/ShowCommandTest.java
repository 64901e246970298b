package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.cli.testing.Examples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShowCommandTest {
    private final Cli cli = Cli.with("-C", Examples.project("aws-web").toString());

    @Test
    void textShowsAHeaderAndAnIndentedTreePerNode() {
        Cli.Run result = cli.run("show", "production", "--node", "app-2");

        assertThat(result.out()).startsWith(
                "app-2 (type app, size large, az us-east-1b, resource ec2, services web, memcached)" + System.lineSeparator());
        assertThat(result.out()).contains("  ec2:").contains("    instance_type: m6i.large").contains("    subnet_id: subnet-0ccc3333")
                .contains("    - aws-web-app");
        assertThat(result.exit()).isZero();
    }

    @Test
    void peerReferencesAreShownUnresolvedAndTheSecretAsWritten() {
        Cli.Run result = cli.run("show", "production", "--node", "app-1");

        assertThat(result.out()).contains(
                "DATABASE_URL: postgres://app:${env:DB_PASSWORD}@<peers.db.address>:<peers.db.port>/<peers.db.db_name>");
        assertThat(result.exit()).isZero();
    }

    @Test
    void jsonHasTheShapeOfTheDesign() {
        Cli.Run result = cli.run("-o", "json", "show", "production");

        JsonNode json = result.json();
        assertThat(json.get("environment").asText()).isEqualTo("production");
        assertThat(json.get("nodes")).extracting(n -> n.get("name").asText())
                .containsExactly("app-1", "app-2", "app-3", "app-4", "db-1");
        JsonNode app = json.get("nodes").get(0);
        assertThat(app.fieldNames()).toIterable()
                .containsExactly("name", "type", "size", "az", "resource", "services", "params");
        assertThat(app.get("services")).extracting(JsonNode::asText).containsExactly("web", "memcached");
        assertThat(app.at("/params/memcached/memory_mb").asInt()).isEqualTo(256);
        assertThat(json.at("/nodes/4/params/rds/multi_az").asBoolean()).isTrue();
        assertThat(result.exit()).isZero();
    }

    @Test
    void provenanceNamesLayerFileAndLine() {
        JsonNode json = cli.run("-o", "json", "show", "production", "--node", "db-1", "--provenance").json();
        Cli.Run text = cli.run("show", "production", "--node", "db-1", "--provenance");

        JsonNode multiAz = json.at("/nodes/0/provenance").get("rds.multi_az");
        assertThat(multiAz.get("layer").asText()).isEqualTo("env:production.node_params");
        assertThat(multiAz.get("file").asText().replace('\\', '/')).endsWith("examples/aws-web/neckbeard/envs/production.yml");
        assertThat(multiAz.get("line").asInt()).isEqualTo(8);
        assertThat(text.out().replace('\\', '/'))
                .contains("multi_az: true    # env:production.node_params ")
                .contains("aws-web/neckbeard/envs/production.yml:8");
    }

    @Test
    void eachEnvironmentShowsItsOwnTargetGroupOverConfigYmlsBalancer() {
        JsonNode production = cli.run("-o", "json", "show", "production").json().at("/load_balancers/0");
        JsonNode staging = cli.run("-o", "json", "show", "staging").json().at("/load_balancers/0");
        Cli.Run text = cli.run("show", "staging", "--node", "app-1");

        assertThat(production.get("name").asText()).isEqualTo("web");
        assertThat(production.get("type").asText()).isEqualTo("elbv2");
        assertThat(production.at("/settings/target_group").asText()).endsWith(":targetgroup/aws-web-production/0123456789abcdef");
        assertThat(production.at("/settings/drain_seconds").asInt()).isEqualTo(30);
        assertThat(staging.at("/settings/target_group").asText()).isEqualTo("aws-web-staging");
        assertThat(staging.at("/settings/drain_seconds").asInt()).isEqualTo(5);
        assertThat(text.out()).contains("load balancer web (type elbv2)\n  drain_seconds: 5\n  target_group: aws-web-staging\n"
                .replace("\n", System.lineSeparator()));
    }

    @Test
    void aManagedNodeShowsNoLoadBalancer() {
        assertThat(cli.run("-o", "json", "show", "production", "--node", "db-1").json().get("load_balancers")).isEmpty();
    }

    @Test
    void secretsStayAsWritten() {
        Cli.Run result = cli.run("show", "production", "--node", "db-1");

        assertThat(result.out()).contains("password: ${env:DB_PASSWORD}");
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() {
        Cli.Run result = cli.run("show", "prodution");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unknown environment 'prodution'")
                .contains("did you mean 'production'? valid environments: production, staging");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownNodeListsTheNodes() {
        Cli.Run result = cli.run("show", "staging", "--node", "app-9");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("environment 'staging' has no node 'app-9'").contains("app-1, app-2, db-1");
    }
}
