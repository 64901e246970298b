package io.neckbeard.provisioner.chefsolo;

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
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChefSoloProvisionerTest {
    private static final List<String> ROLES = List.of("nginx", "app-server", "memcached");

    @TempDir
    Path temp;
    Path project;
    Path bin;
    Path record;
    Path node;
    String chef;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        project = Fixtures.copy("chefsolo/project", temp.resolve("project"));
        bin = Fixtures.copy("chefsolo/bin", temp.resolve("bin"));
        for (String script : List.of("chef-solo", "chef-solo-failing")) {
            Files.setPosixFilePermissions(bin.resolve(script), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        record = bin.resolve("record");
        node = Files.createDirectories(temp.resolve("node"));
        chef = node.resolve("stack/provision/chef").toString();
    }

    private void provision(Path projectRoot, List<String> roles, Map<String, Object> settings) {
        provision(projectRoot, roles, settings, new ResolvedParams(Map.of("db", Map.of("password", "s3cret"), "memcached", Map.of("memory_mb", 256)),
                Map.of("db", Map.of("password", "${env:DB_PASSWORD}"), "memcached", Map.of("memory_mb", 256))));
    }

    private void provision(Path projectRoot, List<String> roles, Map<String, Object> settings, ResolvedParams params) {
        Map<String, Object> withCommand = new HashMap<>(Map.of("chef_solo", bin.resolve("chef-solo").toString()));
        withCommand.putAll(settings);
        NodeSpec spec = new NodeSpec("app-2", "app", 2, "us-east-1b", "small", "local", List.of("web", "memcached"),
                new ParamTree(Map.of(), Map.of()));
        ProvisionRequest request = new ProvisionRequest("hello", "staging", 7, spec, params, roles,
                Map.of("memcached", new ServicePeers(List.of("10.0.0.2"), List.of("10.0.0.1", "10.0.0.2")),
                        "web", new ServicePeers(List.of("10.0.0.2"), List.of("10.0.0.1", "10.0.0.2"))),
                projectRoot, withCommand, node.resolve("stack/provision").toString());
        Plugins.builtIn().find(ProvisionerFactory.class, "chef-solo", "provisioner").create(new ProvisionerContext(projectRoot, "hello", withCommand))
                .provision(request, new LocalTransport(node, "local:app-2"), log::add);
    }

    private void provision(List<String> roles, Map<String, Object> settings) {
        provision(project, roles, settings);
    }

    private JsonNode recordedNodeJson() throws Exception {
        return Json.mapper().readTree(record.resolve("node.json").toFile());
    }

    @Test
    void runsChefSoloInTheBundleWithItsConfigAndNodeJson() throws Exception {
        provision(ROLES, Map.of());

        assertThat(Files.readAllLines(record.resolve("args")))
                .containsExactly("-c", chef + "/solo.rb", "-j", chef + "/node.json");
        assertThat(record.resolve("cwd")).hasContent(chef);
        String cache = node.resolve("stack/provision/chef-cache").toString();
        assertThat(record.resolve("solo.rb")).hasContent("# Written by neckbeard; rewritten on every provisioning run.\n"
                + "cookbook_path ['" + chef + "/cookbooks']\n"
                + "role_path '" + chef + "/roles'\n"
                + "json_attribs '" + chef + "/node.json'\n"
                + "# what chef-solo writes stays out of this directory, which neckbeard empties on every run\n"
                + "chef_repo_path '" + cache + "'\n"
                + "cache_path '" + cache + "'\n"
                + "file_cache_path '" + cache + "'");
        assertThat(log).containsSubsequence("running chef-solo with run list nginx, app-server, memcached",
                "Starting Chef Infra Client (stand-in)");
    }

    @Test
    void passesTheLogLevelWhenSet() throws Exception {
        provision(ROLES, Map.of("log_level", "debug"));

        assertThat(Files.readAllLines(record.resolve("args")))
                .containsExactly("-c", chef + "/solo.rb", "-j", chef + "/node.json", "-l", "debug");
    }

    @Test
    void uploadsTheCookbooksAndOnlyTheRoleFilesOfTheNode() throws Exception {
        Files.createDirectories(Path.of(chef, "roles"));
        Files.writeString(Path.of(chef, "roles/left-from-last-run.json"), "{}");

        provision(ROLES, Map.of());

        assertThat(Files.readAllLines(record.resolve("files"))).containsExactly(
                "./cookbooks/app-server/metadata.rb",
                "./cookbooks/app-server/recipes/default.rb",
                "./node.json",
                "./roles/app-server.json",
                "./roles/memcached.json",
                "./roles/nginx.json",
                "./solo.rb");
        assertThat(Path.of(chef, "roles/nginx.json"))
                .hasSameTextualContentAs(project.resolve("neckbeard/chef/roles/nginx.json"));
    }

    @Test
    void nodeJsonHasTheRunListInRoleOrderTheTreeAndTheNeckbeardAttributes() throws Exception {
        provision(List.of("memcached", "nginx", "app-server", "memcached"), Map.of());

        JsonNode json = recordedNodeJson();
        assertThat(json.get("run_list")).extracting(JsonNode::asText)
                .containsExactly("role[memcached]", "role[nginx]", "role[app-server]");
        assertThat(json.at("/db/password").asText()).isEqualTo("s3cret");
        assertThat(json.at("/memcached/memory_mb").asInt()).isEqualTo(256);
        JsonNode neckbeard = json.get("neckbeard");
        assertThat(neckbeard.get("app").asText()).isEqualTo("hello");
        assertThat(neckbeard.get("env").asText()).isEqualTo("staging");
        assertThat(neckbeard.get("generation").asLong()).isEqualTo(7);
        assertThat(neckbeard.get("node").asText()).isEqualTo("app-2");
        assertThat(neckbeard.get("node_type").asText()).isEqualTo("app");
        assertThat(neckbeard.get("az").asText()).isEqualTo("us-east-1b");
        assertThat(neckbeard.at("/peers/memcached/same_az")).extracting(JsonNode::asText).containsExactly("10.0.0.2");
        assertThat(neckbeard.at("/peers/memcached/all")).extracting(JsonNode::asText).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(neckbeard.at("/peers/web/all")).hasSize(2);
    }

    @Test
    void nodeJsonIsOwnerOnlyAndItsSecretsStayOutOfTheLog() throws Exception {
        provision(ROLES, Map.of());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(chef, "node.json")))).isEqualTo("rw-------");
        assertThat(String.join("\n", log)).doesNotContain("s3cret");
    }

    @Test
    void leavesNoLocalBundleBehind() throws Exception {
        Set<Path> before = localBundles();

        provision(ROLES, Map.of());

        assertThat(localBundles()).isSubsetOf(before);
    }

    private static Set<Path> localBundles() throws Exception {
        try (var paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return paths.filter(path -> path.getFileName().toString().startsWith("neckbeard-chef-")).collect(Collectors.toSet());
        }
    }

    @Test
    void aMissingRoleFileIsAUsageErrorNamingRoleServicesAndFileBeforeTouchingTheNode() {
        assertThatThrownBy(() -> provision(List.of("nginx", "redis"), Map.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("role 'redis'", "node app-2", "services web, memcached",
                            project.resolve("neckbeard/chef/roles/redis.json").toString());
                });
        assertThat(node.resolve("stack")).doesNotExist();
    }

    @Test
    void aRoleFileThatIsNotJsonIsAUsageErrorNamingIt() throws Exception {
        Files.copy(Fixtures.copy("chefsolo/broken-role.json", temp.resolve("broken.json")),
                project.resolve("neckbeard/chef/roles/nginx.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> provision(ROLES, Map.of()))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("nginx.json", "not valid JSON");
                });
    }

    @Test
    void aParameterNamedRunListOrNeckbeardIsAUsageErrorNamingTheNodeAndTheParameterBeforeAnythingReachesTheNode() {
        for (String reserved : List.of("run_list", "neckbeard")) {
            ResolvedParams params = ResolvedParams.plain(Map.of(reserved, Map.of("app", "mine")));

            assertThatThrownBy(() -> provision(project, ROLES, Map.of(), params))
                    .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).contains("node app-2", "parameter '" + reserved + "'", "reserves");
                    });
        }
        assertThat(node.resolve("stack")).doesNotExist();
    }

    @Test
    void aFailingChefRunNamesTheNodeAndCarriesTheLast20LinesOfOutput() {
        assertThatThrownBy(() -> provision(ROLES, Map.of("chef_solo", bin.resolve("chef-solo-failing").toString())))
                .isInstanceOfSatisfying(ProvisionerException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).contains("chef-solo failed (exit 3)", "node app-2", "local:app-2",
                            "step 42\n", "step 60\n", "FATAL: Chef::Exceptions::Exec: service[memcached]")
                            .doesNotContain("step 41\n");
                });
        assertThat(log).contains("step 1", "step 60");
    }

    @Test
    void badSettingsAreUsageErrorsNamingTheSetting() {
        assertThatThrownBy(() -> provision(ROLES, Map.of("log_level", "loud")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("provisioner.log_level 'loud'");
                });
        assertThatThrownBy(() -> provision(ROLES, Map.of("scripts", List.of("x.sh"))))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.getMessage())
                        .contains("unknown setting 'provisioner.scripts'"));
        assertThatThrownBy(() -> provision(ROLES, Map.of("cookbooks", "chef/none")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.getMessage())
                        .contains("provisioner.cookbooks", "chef/none", "not a directory"));
        assertThat(node.resolve("stack")).doesNotExist();
    }

    @Test
    void theAwsWebExampleShipsEveryRoleItsServicesNameAndEveryRecipeThoseRolesRun() throws Exception {
        Path example = Path.of("..", "examples", "aws-web").toAbsolutePath().normalize();
        Set<String> roles = new LinkedHashSet<>();
        try (Reader reader = Files.newBufferedReader(example.resolve("neckbeard/config.yml"))) {
            Map<String, Map<String, List<String>>> services = new Yaml().<Map<String, Map<String, Map<String, List<String>>>>>load(reader)
                    .get("services");
            services.values().forEach(service -> roles.addAll(service.get("roles")));
        }

        provision(example, List.copyOf(roles), Map.of());

        assertThat(roles).isNotEmpty();
        List<String> files = Files.readAllLines(record.resolve("files"));
        assertThat(files).contains(roles.stream().map(role -> "./roles/" + role + ".json").toArray(String[]::new));
        Pattern recipe = Pattern.compile("recipe\\[([^\\]:]+)]");
        for (String role : roles) {
            for (JsonNode entry : Json.mapper().readTree(Path.of(chef, "roles", role + ".json").toFile()).get("run_list")) {
                Matcher cookbook = recipe.matcher(entry.asText());
                assertThat(cookbook.matches()).as("role %s runs %s", role, entry).isTrue();
                assertThat(files).contains("./cookbooks/" + cookbook.group(1) + "/recipes/default.rb");
            }
        }
    }

    /** The factory's first problem, thrown as the setting exception the run-time check throws, so both read alike. */
    private void validate(Map<String, Object> settings, List<String> roles) {
        Plugins.builtIn().find(ProvisionerFactory.class, "chef-solo", "provisioner")
                .validate(settings, new ValidationContext(project, roles)).stream().findFirst().ifPresent(problem -> {
                    throw new ProvisionerSettingException(problem.path(), problem.message(), problem.fix());
                });
    }

    @Test
    void validateAcceptsTheSettingsAndARoleFileForEveryRole() {
        validate(Map.of("log_level", "warn", "timeout", "45m", "chef_solo", "sudo chef-solo"), ROLES);
        validate(Map.of(), List.of("nginx", "nginx"));
    }

    @Test
    void validateNamesAMissingRoleAndItsFile() {
        assertThatThrownBy(() -> validate(Map.of(), List.of("nginx", "redis")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("role 'redis'", project.resolve("neckbeard/chef/roles/redis.json").toString());
                    assertThat(e.remedy()).contains("write the role as");
                });
    }

    @Test
    void validateLooksForRoleFilesInTheConfiguredRolesDirectory() throws Exception {
        Files.createDirectories(project.resolve("chef-roles"));
        Files.writeString(project.resolve("chef-roles/redis.json"), "{\"name\": \"redis\"}");

        validate(Map.of("roles", "chef-roles"), List.of("redis"));
        assertThatThrownBy(() -> validate(Map.of("roles", "chef-roles"), List.of("nginx")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.getMessage())
                        .contains(project.resolve("chef-roles/nginx.json").toString()));
    }

    @Test
    void validateNamesARoleFileThatIsNotJson() throws Exception {
        Files.copy(Fixtures.copy("chefsolo/broken-role.json", temp.resolve("broken.json")),
                project.resolve("neckbeard/chef/roles/nginx.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> validate(Map.of(), ROLES))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("nginx.json", "role 'nginx'", "not valid JSON", "(line ");
                });
    }

    @Test
    void validateNamesTheBadSetting() {
        assertThatThrownBy(() -> validate(Map.of("log_level", "loud"), ROLES))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("log_level");
                    assertThat(e.remedy()).contains("use one of auto, trace");
                });
        assertThatThrownBy(() -> validate(Map.of("timout", "10m"), ROLES))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("timout");
                    assertThat(e.remedy()).contains("did you mean 'timeout'?");
                });
        assertThatThrownBy(() -> validate(Map.of("timeout", "soon"), ROLES))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> assertThat(e.setting()).isEqualTo("timeout"));
        assertThatThrownBy(() -> validate(Map.of("cookbooks", "chef/none"), ROLES))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> assertThat(e.setting()).isEqualTo("cookbooks"));
        assertThatThrownBy(() -> validate(Map.of("chef_solo", List.of("chef-solo")), ROLES))
                .isInstanceOfSatisfying(ProvisionerSettingException.class, e -> assertThat(e.setting()).isEqualTo("chef_solo"));
    }
}
