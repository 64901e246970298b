package io.neckbeard.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.ssh.MinaSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code doctor} on real local nodes, and over SSH to a real server (static provider). */
class DoctorTest {
    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    @Test
    void aHealthySetupPassesEveryCheckOnePerLineAndExitsZero() {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();

        Cli.Run doctor = project.run("doctor", "dev");
        Cli.Run json = project.run("-o", "json", "doctor", "dev");

        assertThat(doctor.exit()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).containsPattern("(?m)^ok +config +neckbeard/config.yml and neckbeard/envs/dev.yml are valid$")
                .containsPattern("(?m)^ok +coordinator +wrote and removed a file in ")
                .containsPattern("(?m)^ok +reach web-1 +answered on local:")
                .containsPattern("(?m)^ok +stack-root web-2 +\\S+ can write ")
                .containsPattern("(?m)^ok +disk web-1 +[0-9.]+ GiB free of ")
                .containsPattern("(?m)^ok +clock web-2 +the node's clock is within a second of this machine's$")
                .doesNotContain("FAIL").doesNotContain("aws");
        assertThat(json.exit()).isZero();
        assertThat(json.json().get("ok").asBoolean()).isTrue();
        JsonNode first = json.json().at("/checks/0");
        assertThat(first.get("name").asText()).isEqualTo("config");
        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.has("detail")).isTrue();
        assertThat(first.get("fix").isNull()).isTrue();
        assertThat(json.json().get("checks")).hasSize(2 + 2 * 4);
    }

    @Test
    void withoutAnEnvironmentOnlyTheProjectIsChecked() {
        Cli.Run doctor = project.run("doctor");

        assertThat(doctor.exit()).as(doctor.out()).isZero();
        assertThat(doctor.out()).contains("config").contains("coordinator").doesNotContain("reach");
    }

    @Test
    void anUnwritableStackRootFailsWithItsFixAndExitOne() throws Exception {
        Cli.Run up = project.run("up", "dev");
        assertThat(up.exit()).as(up.err()).isZero();
        NodeRecord web1 = project.state("dev").active().orElseThrow().nodes().stream()
                .filter(n -> n.name().equals("web-1")).findFirst().orElseThrow();
        Path stackRoot = EngineProject.nodeDir(web1).resolve("stack");

        Cli.Run doctor;
        try (ReadOnly ignored = ReadOnly.make(stackRoot)) {
            doctor = project.run("-o", "json", "doctor", "dev");
        }

        assertThat(doctor.exit()).isEqualTo(1);
        Map<String, JsonNode> checks = byName(doctor.json());
        assertThat(checks.get("stack-root web-1").get("ok").asBoolean()).isFalse();
        assertThat(checks.get("stack-root web-1").get("detail").asText()).contains("cannot write " + stackRoot);
        assertThat(checks.get("stack-root web-1").get("fix").asText()).contains("chown").contains(stackRoot.toString());
        assertThat(checks.get("stack-root web-2").get("ok").asBoolean()).isTrue();
        assertThat(doctor.json().get("ok").asBoolean()).isFalse();
    }

    @Test
    void anInvalidConfigurationFailsTheFirstCheckAndStopsThere() throws Exception {
        Path config = project.root().resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config) + "\nbogus_key: 1\n");

        Cli.Run doctor = project.run("doctor", "dev");

        assertThat(doctor.exit()).isEqualTo(1);
        assertThat(doctor.out()).startsWith("FAIL  config  1 problem(s), the first: ").contains("config.yml:")
                .contains("fix: ").contains("neckbeard check lists every problem").doesNotContainPattern("(?m)^(ok|FAIL) +coordinator");
    }

    @Test
    void aHostKeyMissingFromKnownHostsFailsTheNodeWithTheKeyscanFix() throws Exception {
        try (MinaSshServer server = new MinaSshServer()) {
            int appPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                appPort = socket.getLocalPort();
            }
            StaticProviderTest.writeStaticProject(project.root(), server, appPort);
            Cli.Run up = project.run("up", "dev");
            assertThat(up.exit()).as(up.err()).isZero();
            Cli.Run before = project.run("doctor", "dev");
            assertThat(before.exit()).as(before.out()).isZero();
            assertThat(before.out()).containsPattern("(?m)^ok +reach web-1 +answered on .*127\\.0\\.0\\.1");

            Files.writeString(project.root().resolve("keys/known_hosts"), "");
            Cli.Run doctor = project.run("doctor", "dev");

            assertThat(doctor.exit()).isEqualTo(1);
            assertThat(doctor.out()).containsPattern("(?m)^FAIL +reach web-1 +.*host key")
                    .contains("fix: ").contains("ssh-keyscan").doesNotContain("stack-root web-1");
        }
    }

    private static Map<String, JsonNode> byName(JsonNode report) {
        Map<String, JsonNode> checks = new HashMap<>();
        report.get("checks").forEach(check -> checks.put(check.get("name").asText(), check));
        return checks;
    }

    /**
     * A directory nobody can write to while open: mode 0555, and for root (whom modes do not stop)
     * the immutable attribute as well.
     */
    private record ReadOnly(Path dir, boolean immutable) implements AutoCloseable {
        static ReadOnly make(Path dir) throws Exception {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            boolean root = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip().equals("0");
            if (root) {
                assertThat(new ProcessBuilder("chattr", "+i", dir.toString()).inheritIO().start().waitFor()).isZero();
            }
            return new ReadOnly(dir, root);
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", dir.toString()).inheritIO().start().waitFor();
            }
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
