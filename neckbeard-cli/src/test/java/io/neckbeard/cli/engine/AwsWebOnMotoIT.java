package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.HoldingProxy;
import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.state.Generation;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import io.neckbeard.transport.ssh.MinaSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The aws-web example's shape end to end, the shaded JAR against moto: ec2 {@code app} nodes in
 * two AZs behind an elbv2 target group, each with an allocated Elastic IP, and an rds {@code db}
 * whose endpoint reaches the app through {@code ${peers.db.address}}. {@code up} → {@code vars
 * set} → {@code up --pending} (killed with SIGKILL right after a RunInstances, then run again) →
 * {@code promote} → {@code rollback} → {@code terminate --old}, the Stack deployed over SSH and the
 * app answering HTTP.
 *
 * <p>Safety: moto hands out 10.x and public-looking instance addresses and *.rds.amazonaws.com
 * endpoints, none of which may be dialled. Every app node is mapped by {@code ec2.address_override}
 * to its own loopback address, {@code 127.0.<generation>.<index>}, where an in-process SSH server
 * listens and the app binds: SSH, the health checks and the app's address all come from it. The
 * overrides are checked to be loopback before the first run, and every address the test dials
 * after that is checked again first.
 */
@ExtendWith(MotoExtension.class)
class AwsWebOnMotoIT {
    private static final String ENV = "production";
    private static final String PASSWORD = "aws-web-db-pass-7431";
    private static final String TARGET_GROUP = "awsweb-production";
    private static final String ADDRESS_OVERRIDE = "127.0.${generation}.${node.index}";

    @RegisterExtension
    final EngineProject project = EngineProject.fresh();
    private final List<MinaSshServer> sshd = new ArrayList<>();
    private Ec2Client ec2;
    private ElasticLoadBalancingV2Client elb;
    private RdsClient rds;
    private HoldingProxy ec2Proxy;
    private String targetGroup;
    private Map<String, String> env;
    private int appPort;

    @BeforeEach
    void awsWebOnMoto(MotoServer moto) throws Exception {
        URI endpoint = MotoServer.requireLoopback(moto.endpoint());
        ec2 = client(Ec2Client.builder(), endpoint);
        elb = client(ElasticLoadBalancingV2Client.builder(), endpoint);
        rds = client(RdsClient.builder(), endpoint);
        String vpc = ec2.createVpc(v -> v.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnetA = ec2.createSubnet(s -> s.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String subnetB = ec2.createSubnet(s -> s.vpcId(vpc).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        String balancer = elb.createLoadBalancer(l -> l.name("awsweb").subnets(subnetA, subnetB)).loadBalancers().get(0).loadBalancerArn();
        targetGroup = elb.createTargetGroup(g -> g.name(TARGET_GROUP).protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc)
                .targetType(TargetTypeEnum.INSTANCE)).targetGroups().get(0).targetGroupArn();
        elb.createListener(l -> l.loadBalancerArn(balancer).protocol(ProtocolEnum.HTTP).port(80)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroup)));
        // EC2 calls of the JAR go through a proxy that can freeze a run right after its RunInstances
        ec2Proxy = new HoldingProxy(endpoint);
        env = Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ENDPOINT_URL_EC2", ec2Proxy.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "NB_TEST_DB_PASSWORD", PASSWORD);
        writeProject(subnetA, subnetB);
    }

    /** An SSH server on each node's loopback address (generations 1 and 2, nodes 1 and 2), one port for all; the app's port. */
    private void writeProject(String subnetA, String subnetB) throws Exception {
        Path keys = Files.createDirectories(project.root().resolve("keys"));
        MinaSshServer client = new MinaSshServer();
        sshd.add(client);
        Path identity = client.writeIdentity(keys.resolve("id_ed25519"));
        StringBuilder knownHosts = new StringBuilder();
        int sshPort = 0;
        for (int generation = 1; generation <= 2; generation++) {
            for (int index = 1; index <= 2; index++) {
                MinaSshServer server = new MinaSshServer(loopback(overrideOf(generation, index)), sshPort, client);
                sshd.add(server);
                sshPort = server.port();
                knownHosts.append(server.knownHostsLine());
            }
        }
        Files.writeString(keys.resolve("known_hosts"), knownHosts);
        try (ServerSocket socket = new ServerSocket(0)) {
            appPort = socket.getLocalPort();
        }
        Files.writeString(project.root().resolve("app/server.py"), """
                import os
                from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

                class Handler(BaseHTTPRequestHandler):
                    def do_GET(self):
                        body = "ok\\n" if self.path == "/health" else "node={} generation={} db={} feature={}\\n".format(
                            os.environ.get("NECKBEARD_NODE"), os.environ.get("NECKBEARD_GENERATION"),
                            os.environ.get("DATABASE_HOST"), os.environ.get("FEATURE", ""))
                        data = body.encode("utf-8")
                        self.send_response(200)
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        self.wfile.write(data)

                    def log_message(self, format, *args):
                        pass

                ThreadingHTTPServer((os.environ["NECKBEARD_ADDRESS"], int(os.environ["APP_PORT"])), Handler).serve_forever()
                """);
        Files.writeString(project.root().resolve("neckbeard/config.yml"), """
                app: awsweb
                region: us-east-1
                packager: {type: tarball, include: [app/, Procfile]}
                coordinator: {type: local-yaml, path: .neckbeard/state}
                provisioner: {type: shell, scripts: [neckbeard/provision.sh]}
                stack: {root: "%s/${node}-g${generation}", keep_releases: 2, process_manager: direct}
                node_types:
                  app:
                    resource: ec2
                    load_balancer: web
                    health_check: {type: http, path: /health, port: %d, interval: 200ms, timeout: 30s}
                    params:
                      provision: {sleep: "0", fail_node: none}
                      ec2: {image_id: ami-12c6146b, instance_type: t3.micro, elastic_ip: allocate, address_override: "%s"}
                      ssh: {port: %d, identity_file: %s, known_hosts: %s}
                      app_env: {APP_PORT: "%d", DATABASE_HOST: "${peers.db.address}"}
                  db:
                    resource: rds
                    params:
                      rds: {engine: postgres, engine_version: "16.3", instance_class: db.t4g.micro, db_name: app,
                            username: app, password: "${env:NB_TEST_DB_PASSWORD}"}
                availability_zones:
                  us-east-1a: {ec2: {subnet_id: %s}}
                  us-east-1b: {ec2: {subnet_id: %s}}
                load_balancers:
                  web: {type: elbv2, drain_seconds: 0}
                environments:
                  base:
                    availability_zones: [us-east-1a, us-east-1b]
                    nodes: {app: {count: 2, min_per_az: 1}, db: {count: 1}}
                """.formatted(project.root().resolve("remote"), appPort, ADDRESS_OVERRIDE, sshPort, identity,
                keys.resolve("known_hosts"), appPort, subnetA, subnetB));
        project.writeEnvironment(ENV, "extends: base\nload_balancers:\n  web: {target_group: " + TARGET_GROUP + "}\n");
    }

    @AfterEach
    void close() throws IOException {
        for (MinaSshServer server : sshd) {
            server.close();
        }
        ec2Proxy.close();
        ec2.close();
        elb.close();
        rds.close();
    }

    @Test
    void upPendingPromoteRollbackAndTerminateOldOnEc2AndRdsBehindAnElbv2TargetGroup() throws Exception {
        assertThat(cli("check", "check", ENV)).isZero();

        // up: generation 1, the database first, the app nodes tagged, registered, holding their Elastic IPs
        assertThat(cli("up", "-v", "up", ENV)).isZero();
        Generation first = project.state(ENV).active().orElseThrow();
        NodeRecord db1 = node(first, "db-1");
        assertThat(db1.resourceId()).isEqualTo("awsweb-production-g1-db-1");
        Map<String, String> g1 = appInstances(first);
        assertThat(live(1)).containsExactlyInAnyOrderElementsOf(g1.values());
        Instance app1 = instance(g1.get("app-1"));
        assertThat(app1.tags()).extracting(Tag::key, Tag::value).contains(tuple("neckbeard:app", "awsweb"), tuple("neckbeard:env", ENV),
                tuple("neckbeard:generation", "1"), tuple("neckbeard:node", "app-1"), tuple("Name", "awsweb-production-g1-app-1"),
                tuple("neckbeard:elastic_ip", "allocate"));
        assertThat(app1.placement().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(instance(g1.get("app-2")).placement().availabilityZone()).isEqualTo("us-east-1b");
        assertServes(first, "generation=1 db=" + db1.address() + " feature=\n");
        assertThat(registered()).containsExactlyInAnyOrderElementsOf(g1.values());
        Map<String, String> eips = elasticIpHolders();
        assertThat(eips).hasSize(2).containsValues(g1.get("app-1"), g1.get("app-2"));

        assertThat(cli("vars", "vars", ENV, "set", "FEATURE=blue")).isZero();

        // up --pending, killed right after one RunInstances and before the node is recorded, then run again
        ec2Proxy.holdAfter("RunInstances");
        JarProcess killed = JarProcess.start(project.root(), project.logs(), "pending-killed", env, "up", ENV, "--pending", "-v");
        killed.awaitWhileRunning("a RunInstances of generation 2 went through", () -> ec2Proxy.awaitHolding(0));
        List<String> launchedBeforeKill = live(2);
        assertThat(launchedBeforeKill).as("instances of generation 2 when the run was killed").isNotEmpty();
        for (String id : launchedBeforeKill) {
            assertThat(stateMentions(id)).as("instance %s is not recorded yet", id).isFalse();
        }
        killed.kill();
        ec2Proxy.release();
        assertThat(cli("unlock", "lock", "release", ENV, "--force")).isZero();
        assertThat(cli("pending", "-v", "up", ENV, "--pending")).isZero();

        Generation second = project.state(ENV).pending().orElseThrow();
        assertThat(second.id()).isEqualTo(2);
        Map<String, String> g2 = appInstances(second);
        assertThat(live(2)).as("one instance per node: the re-run found the killed run's by its tags")
                .containsExactlyInAnyOrderElementsOf(g2.values()).containsAll(launchedBeforeKill);
        NodeRecord db2 = node(second, "db-1");
        DBSnapshot seed = rds.describeDBSnapshots(d -> d.dbSnapshotIdentifier("awsweb-production-g2-db-1-seed")).dbSnapshots().get(0);
        assertThat(seed.dbInstanceIdentifier()).isEqualTo(db1.resourceId());
        DBInstance restored = rds.describeDBInstances(d -> d.dbInstanceIdentifier(db2.resourceId())).dbInstances().get(0);
        assertThat(restored.dbName()).isEqualTo("app");
        assertServes(second, "generation=2 db=" + db2.address() + " feature=blue\n");
        assertThat(registered()).as("a pending generation serves no traffic").containsExactlyInAnyOrderElementsOf(g1.values());
        assertThat(elasticIpHolders()).isEqualTo(eips);

        // promote: the target group and the Elastic IPs go to generation 2
        assertThat(cli("promote", "promote", ENV)).isZero();
        assertThat(registered()).containsExactlyInAnyOrderElementsOf(g2.values());
        assertThat(elasticIpHolders()).isEqualTo(moved(eips, g1, g2));

        // rollback: back to generation 1
        assertThat(cli("rollback", "rollback", ENV)).isZero();
        assertThat(project.state(ENV).active().orElseThrow().id()).isEqualTo(1);
        assertThat(registered()).containsExactlyInAnyOrderElementsOf(g1.values());
        assertThat(elasticIpHolders()).isEqualTo(eips);

        // terminate --old: generation 2 goes, its database with a final snapshot; generation 1 keeps serving
        assertThat(cli("terminate", "-v", "terminate", ENV, "--old", "--yes")).isZero();
        assertThat(live(2)).isEmpty();
        assertThat(rds.describeDBSnapshots(d -> d.dbInstanceIdentifier(db2.resourceId())).dbSnapshots())
                .extracting(DBSnapshot::dbSnapshotIdentifier).anyMatch(id -> id.startsWith("awsweb-production-g2-db-1-final-"));
        assertThat(rds.describeDBInstances().dbInstances()).extracting(DBInstance::dbInstanceIdentifier).containsExactly(db1.resourceId());
        assertThat(registered()).containsExactlyInAnyOrderElementsOf(g1.values());
        assertThat(elasticIpHolders()).as("allocated addresses held by generation 1 stay").isEqualTo(eips);
        assertServes(project.state(ENV).active().orElseThrow(), "generation=1 db=" + db1.address() + " ");
    }

    private int cli(String name, String... args) throws Exception {
        JarProcess run = JarProcess.start(project.root(), project.logs(), name, env, args);
        int exit = run.await();
        if (exit != 0) {
            throw new AssertionError(String.join(" ", args) + " exited " + exit + ":\n" + run.err() + appLogs());
        }
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        return exit;
    }

    /** The app's logs on every node, to tell why a deploy failed. */
    private String appLogs() throws IOException {
        Path remote = project.root().resolve("remote");
        if (!Files.isDirectory(remote)) {
            return "";
        }
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.walk(remote)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                logs.append("\n--- ").append(log).append(":\n").append(Files.readString(log));
            }
        }
        return logs.toString();
    }

    /** Each app node answers on its loopback address, with its own name and then {@code expected}. */
    private void assertServes(Generation generation, String expected) {
        for (NodeRecord app : generation.nodes().stream().filter(n -> n.type().equals("app")).toList()) {
            assertThat(app.address()).isEqualTo(overrideOf(generation.id(), Integer.parseInt(app.name().substring(4))));
            String body = EngineProject.get(loopback(app.address()), appPort, "/");
            assertThat(body).as("GET / of %s", app.name()).startsWith("node=" + app.name() + " " + expected);
        }
    }

    private static String overrideOf(long generation, int index) {
        return ADDRESS_OVERRIDE.replace("${generation}", Long.toString(generation)).replace("${node.index}", Integer.toString(index));
    }

    /** {@code host} when it is a loopback address; fails, before anything dials it, when it is not. */
    private static String loopback(String host) {
        return MotoServer.requireLoopback(URI.create("http://" + host)).getHost();
    }

    private static NodeRecord node(Generation generation, String name) {
        return generation.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** node name → instance id of the generation's app nodes. */
    private static Map<String, String> appInstances(Generation generation) {
        return generation.nodes().stream().filter(n -> n.type().equals("app"))
                .collect(Collectors.toMap(NodeRecord::name, NodeRecord::resourceId, (a, b) -> a, LinkedHashMap::new));
    }

    /** The ids of the instances of generation {@code generation} that are not terminated, as EC2 lists them. */
    private List<String> live(long generation) {
        return ec2.describeInstances(d -> d.filters(Filter.builder().name("tag:neckbeard:generation").values(Long.toString(generation)).build(),
                        Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped").build()))
                .reservations().stream().map(Reservation::instances).flatMap(List::stream).map(Instance::instanceId).toList();
    }

    private Instance instance(String id) {
        return ec2.describeInstances(d -> d.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    private List<String> registered() {
        return elb.describeTargetHealth(d -> d.targetGroupArn(targetGroup)).targetHealthDescriptions().stream()
                .map(t -> t.target().id()).toList();
    }

    /** allocation id → the instance holding it, of every address neckbeard allocated. */
    private Map<String, String> elasticIpHolders() {
        return ec2.describeAddresses(d -> d.filters(Filter.builder().name("tag:neckbeard:app").values("awsweb").build()))
                .addresses().stream().collect(Collectors.toMap(Address::allocationId, a -> String.valueOf(a.instanceId())));
    }

    /** {@code holders} with each address moved from a node's {@code from} instance to its {@code to} one. */
    private static Map<String, String> moved(Map<String, String> holders, Map<String, String> from, Map<String, String> to) {
        Map<String, String> moved = new LinkedHashMap<>();
        holders.forEach((allocation, holder) -> from.forEach((node, id) -> {
            if (id.equals(holder)) {
                moved.put(allocation, to.get(node));
            }
        }));
        return moved;
    }

    private boolean stateMentions(String text) throws IOException {
        try (Stream<Path> files = Files.walk(project.root().resolve(".neckbeard/state"))) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.readString(file).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A client of moto only: explicit endpoint, region and dummy keys. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
