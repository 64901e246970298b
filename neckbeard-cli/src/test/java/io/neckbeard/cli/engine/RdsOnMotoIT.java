package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.core.Json;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded JAR against moto: local app nodes and an rds database, whose endpoint reaches the
 * app through {@code ${peers.db.address}}; a pending generation's database is restored from a
 * snapshot of the active one's; terminating the old generation leaves a final snapshot. Nothing
 * dials the endpoint moto hands out: the database's health is the status RDS reports.
 */
@ExtendWith(MotoExtension.class)
class RdsOnMotoIT {
    private static final String PASSWORD = "db-pass-from-the-environment-8080";

    @RegisterExtension
    final EngineProject project = EngineProject.fresh();
    private final List<JarProcess> runs = new ArrayList<>();
    private Map<String, String> env;
    private RdsClient rds;

    @BeforeEach
    void projectWithADatabase(MotoServer moto) throws IOException {
        String endpoint = MotoServer.requireLoopback(moto.endpoint()).toString();
        env = Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "NB_TEST_DB_PASSWORD", PASSWORD);
        rds = RdsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        Path config = project.root().resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config)
                .replace("app: enginetest\n", "app: enginetest\nregion: us-east-1\n")
                .replace("""
                              provision: {sleep: "0", fail_node: none}
                        """, """
                              provision: {sleep: "0", fail_node: none}
                              app_env: {DATABASE_HOST: "${peers.db.address}", GREETING: "db at ${peers.db.address}:${peers.db.port}"}
                          db:
                            resource: rds
                            params:
                              rds: {engine: postgres, engine_version: "16.3", instance_class: db.t4g.micro, db_name: shop,
                                    username: shop, password: "${env:NB_TEST_DB_PASSWORD}"}
                        """)
                .replace("nodes: {web: {count: 2, min_per_az: 1}}", "nodes: {web: {count: 2, min_per_az: 1}, db: {count: 1}}"));
    }

    @AfterEach
    void close() {
        rds.close();
    }

    @Test
    void theDatabaseIsLaunchedFirstSeededForThePendingGenerationAndSnapshottedWhenTerminated() throws Exception {
        assertThat(cli("check", "check")).isZero();

        assertThat(cli("up", "-v", "up", "dev")).isZero();
        Generation first = project.state("dev").active().orElseThrow();
        NodeRecord db1 = node(first, "db-1");
        assertThat(db1.resourceId()).isEqualTo("enginetest-dev-g1-db-1");
        assertThat(db1.address()).endsWith(".rds.amazonaws.com");
        assertThat(db1.attributes()).containsEntry("db_name", "shop");
        for (NodeRecord web : first.nodes().stream().filter(n -> n.type().equals("web")).toList()) {
            assertThat(web.launchedAt()).isAfterOrEqualTo(db1.launchedAt());
            assertThat(EngineProject.body(web)).contains("greeting=db at " + db1.address() + ":" + db1.port());
        }

        assertThat(cli("status", "status", "dev", "-o", "json")).isZero();
        JsonNode dbStatus = StreamSupport.stream(Json.mapper().readTree(runs.get(runs.size() - 1).out())
                .at("/generations/0/nodes").spliterator(), false).filter(n -> n.get("name").asText().equals("db-1")).findFirst().orElseThrow();
        assertThat(dbStatus.get("healthy").asBoolean()).as(dbStatus.toString()).isTrue();

        assertThat(cli("pending", "-v", "up", "dev", "--pending")).isZero();
        Generation second = project.state("dev").pending().orElseThrow();
        NodeRecord db2 = node(second, "db-1");
        DBSnapshot seed = rds.describeDBSnapshots(d -> d.dbSnapshotIdentifier("enginetest-dev-g2-db-1-seed")).dbSnapshots().get(0);
        assertThat(seed.dbInstanceIdentifier()).isEqualTo(db1.resourceId());
        assertThat(db2.resourceId()).isEqualTo("enginetest-dev-g2-db-1");
        assertThat(EngineProject.body(node(second, "web-1"))).contains("greeting=db at " + db2.address());

        assertThat(cli("promote", "promote", "dev")).isZero();
        assertThat(cli("refused", "terminate", "dev", "--generation", "2", "--yes")).as("the active generation needs --force").isEqualTo(4);
        assertThat(cli("terminate", "-v", "terminate", "dev", "--old", "--yes")).isZero();

        assertThat(rds.describeDBSnapshots(d -> d.dbInstanceIdentifier(db1.resourceId())).dbSnapshots())
                .extracting(DBSnapshot::dbSnapshotIdentifier).anyMatch(id -> id.startsWith("enginetest-dev-g1-db-1-final-"));
        assertThat(rds.describeDBInstances().dbInstances()).extracting(db -> db.dbInstanceIdentifier())
                .containsExactly(db2.resourceId());
        assertThat(filesContaining(project.root().resolve(".neckbeard/state"), PASSWORD)).isEmpty();
        for (JarProcess run : runs) {
            assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        }
    }

    private int cli(String name, String... args) throws Exception {
        JarProcess run = JarProcess.start(project.root(), project.logs(), name, env, args);
        runs.add(run);
        int exit = run.await();
        if (exit != 0 && !name.equals("refused")) {
            throw new AssertionError(String.join(" ", args) + " exited " + exit + ":\n" + run.err());
        }
        return exit;
    }

    private static NodeRecord node(Generation generation, String name) {
        return generation.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
