package io.neckbeard.provisioner.shell;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.plugin.ValidationContext;
import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerContext;
import io.neckbeard.provisioner.ProvisionerException;
import io.neckbeard.provisioner.ProvisionerFactory;
import io.neckbeard.provisioner.ProvisionerSettingException;
import io.neckbeard.provisioner.ServicePeers;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.transport.local.LocalTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellProvisionerTest {
    @TempDir
    Path temp;
    Path project;
    Path node;
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        project = Fixtures.copy("shell-project", temp.resolve("project"));
        node = Files.createDirectories(temp.resolve("node"));
        work = node.resolve("stack/provision");
    }

    private void provision(List<String> scripts, List<String> log) {
        Provisioner provisioner = Plugins.builtIn().find(ProvisionerFactory.class, "shell", "provisioner")
                .create(new ProvisionerContext(project, "hello", Map.of("scripts", scripts)));
        NodeSpec spec = new NodeSpec("app-2", "app", 2, "us-east-1b", "small", "local", List.of("web", "memcached"),
                new ParamTree(Map.of(), Map.of()));
        ProvisionRequest request = new ProvisionRequest("hello", "staging", 7, spec,
                new ResolvedParams(Map.of("db", Map.of("password", "s3cret")), Map.of("db", Map.of("password", "${env:DB_PASSWORD}"))),
                List.of("nginx", "app-server", "memcached"),
                Map.of("memcached", new ServicePeers(List.of("10.0.0.2"), List.of("10.0.0.1", "10.0.0.2"))),
                project, Map.of("scripts", scripts), work.toString());
        provisioner.provision(request, new LocalTransport(node, "local:app-2"), log::add);
    }

    @Test
    void runsEachScriptInOrderWithTheNodesVariablesParamsAndPeers() throws Exception {
        List<String> log = new ArrayList<>();

        provision(List.of("neckbeard/provision.sh", "neckbeard/second.sh"), log);

        assertThat(log).containsSubsequence("running neckbeard/provision.sh",
                "node=app-2 env=staging generation=7 app=hello roles=nginx app-server memcached",
                "cwd=" + work, "running neckbeard/second.sh");
        JsonNode params = Json.mapper().readTree(work.resolve("seen-params.json").toFile());
        assertThat(params.at("/db/password").asText()).isEqualTo("s3cret");
        JsonNode peers = Json.mapper().readTree(work.resolve("seen-peers.json").toFile());
        assertThat(peers.at("/memcached/same_az/0").asText()).isEqualTo("10.0.0.2");
        assertThat(peers.at("/memcached/all")).hasSize(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("params.json")))).isEqualTo("rw-------");
        assertThat(work.resolve("second.out")).hasContent("second ran after the first");
        assertThat(work.resolve("scripts/neckbeard/provision.sh")).exists();
        assertThat(String.join("\n", log)).doesNotContain("s3cret");
    }

    @Test
    void runsEachScriptWithTheInterpreterItsShebangNamesAndSlashBinShWithoutOne() {
        List<String> log = new ArrayList<>();

        provision(List.of("neckbeard/python.py", "neckbeard/no-shebang.sh"), log);

        assertThat(log).contains("python provisioned app-2 (3)", "no #! line: run by /bin/sh");
    }

    @Test
    void aFailingScriptStopsWithItsNameExitCodeAndOutputTail() {
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> provision(List.of("neckbeard/fail.sh", "neckbeard/second.sh"), log))
                .isInstanceOfSatisfying(ProvisionerException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).contains("neckbeard/fail.sh", "local:app-2", "exit 3",
                            "step 60", "memcached: port 11211 already in use").doesNotContain("step 20\n");
                });
        assertThat(log).contains("step 1", "step 60");
        assertThat(work.resolve("second.out")).doesNotExist();
    }

    @Test
    void aMissingScriptIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> provision(List.of("neckbeard/provision.sh", "neckbeard/nope.sh"), new ArrayList<>()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("'neckbeard/nope.sh'");
                });
        assertThat(work.resolve("seen-params.json")).doesNotExist();
    }

    @Test
    void noScriptsRunsNothingAndWritesNothingToTheNode() {
        List<String> log = new ArrayList<>();

        provision(List.of(), log);

        assertThat(log).containsExactly("no provisioning scripts (provisioner.scripts is empty)");
        assertThat(node).isEmptyDirectory();
    }

    /** The factory's first problem, thrown as the setting exception the run-time check throws, so both read alike. */
    private static void validate(Map<String, Object> settings, Path projectRoot) {
        Plugins.builtIn().find(ProvisionerFactory.class, "shell", "provisioner")
                .validate(settings, new ValidationContext(projectRoot, List.of("nginx"))).stream().findFirst().ifPresent(problem -> {
                    throw new ProvisionerSettingException(problem.path(), problem.message(), problem.fix());
                });
    }

    @Test
    void validateAcceptsScriptsUnderTheProjectAnEmptyListNoScriptsAndADuration() {
        validate(Map.of("scripts", List.of("neckbeard/provision.sh", "neckbeard/second.sh"), "timeout", "10m"), project);
        validate(Map.of("scripts", List.of()), project);
        validate(Map.of(), project);
    }

    @Test
    void validateNamesAMissingScriptByItsListIndex() {
        assertThatThrownBy(() -> validate(Map.of("scripts", List.of("neckbeard/provision.sh", "neckbeard/missing.sh")), project))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.setting()).isEqualTo("scripts[1]");
                    assertThat(e.getMessage()).contains("'neckbeard/missing.sh'", "not a file under the project root");
                    assertThat(e.remedy()).contains("create " + project.toAbsolutePath().resolve("neckbeard/missing.sh"));
                });
    }

    @Test
    void validateRefusesAScriptOutsideTheProjectEvenWhenItExists() throws Exception {
        Files.writeString(temp.resolve("outside.sh"), "echo outside\n");

        assertThatThrownBy(() -> validate(Map.of("scripts", List.of("../outside.sh")), project))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> assertThat(e.setting()).isEqualTo("scripts[0]"));
    }

    @Test
    void validateNamesTheSettingThatIsUnknownOrOfTheWrongShape() {
        assertThatThrownBy(() -> validate(Map.of("scripts", List.of(), "timout", "10m"), project))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("timout");
                    assertThat(e.getMessage()).contains("unknown setting 'timout' of the shell provisioner");
                    assertThat(e.remedy()).contains("did you mean 'timeout'?");
                });
        assertThatThrownBy(() -> validate(Map.of("scripts", "neckbeard/provision.sh"), project))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("scripts");
                    assertThat(e.getMessage()).contains("must be a list");
                });
        assertThatThrownBy(() -> validate(Map.of("scripts", List.of(42)), project))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> assertThat(e.setting()).isEqualTo("scripts[0]"));
        assertThatThrownBy(() -> validate(Map.of("timeout", "soon"), project))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("timeout");
                    assertThat(e.getMessage()).contains("'soon' is not a duration");
                });
    }
}
