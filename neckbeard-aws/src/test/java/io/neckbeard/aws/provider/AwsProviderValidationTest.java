package io.neckbeard.aws.provider;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.ResourceProviderFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AwsProviderValidationTest {
    private final Map<String, ResourceProviderFactory> providers = Plugins.builtIn().all(ResourceProviderFactory.class);

    @Test
    void ec2AndRdsAreRegistered() {
        assertThat(providers).containsKeys("ec2", "rds");
    }

    @Test
    void ec2RequiresImageIdAndInstanceType() {
        List<ParamProblem> problems = providers.get("ec2").validate("app", Map.of("ec2", Map.of("key_name", "deploy")));

        assertThat(problems).extracting(ParamProblem::path).containsExactly("ec2.image_id", "ec2.instance_type");
        assertThat(problems.get(0).message()).isEqualTo("ec2.image_id is required");
    }

    @Test
    void ec2AcceptsACompleteBlockAndRunTimeReferences() {
        Map<String, Object> ec2 = Map.of("image_id", "ami-1", "instance_type", "t3.small",
                "security_groups", List.of("app"), "associate_public_ip", "${env:PUBLIC_IP}");

        assertThat(providers.get("ec2").validate("app", Map.of("ec2", ec2))).isEmpty();
    }

    @Test
    void ec2ReportsWrongTypesOfKnownKeys() {
        Map<String, Object> ec2 = Map.of("image_id", "ami-1", "instance_type", "t3.small", "security_groups", "app",
                "associate_public_ip", "yes please");

        assertThat(providers.get("ec2").validate("app", Map.of("ec2", ec2))).extracting(ParamProblem::path)
                .containsExactlyInAnyOrder("ec2.security_groups", "ec2.associate_public_ip");
    }

    @Test
    void anUnknownEc2KeyIsAProblemWithADidYouMean() {
        List<ParamProblem> problems = providers.get("ec2").validate("app",
                Map.of("ec2", Map.of("image_id", "ami-1", "instance_tpye", "t3.small")));

        assertThat(problems).extracting(ParamProblem::path).containsExactly("ec2.instance_type", "ec2.instance_tpye");
        assertThat(problems.get(1).message()).isEqualTo("unknown setting 'instance_tpye' of the ec2 provider");
        assertThat(problems.get(1).fix()).startsWith("did you mean 'instance_type'?");
    }

    @Test
    void ec2BlockMustBeAMapping() {
        assertThat(providers.get("ec2").validate("app", Map.of("ec2", "ami-1"))).extracting(ParamProblem::path)
                .contains("ec2");
    }

    @Test
    void rdsRequiresEngineAndInstanceClassAndAQuotedVersion() {
        List<ParamProblem> problems = providers.get("rds").validate("db", Map.of("rds", Map.of("engine_version", 16,
                "allocated_storage", "lots")));

        assertThat(problems).extracting(ParamProblem::path)
                .containsExactly("rds.engine", "rds.instance_class", "rds.engine_version", "rds.allocated_storage");
        assertThat(problems.get(2).fix()).contains("\"16\"");
    }

    @Test
    void ec2AddressMustBePublicPrivateOrElasticIp() {
        List<ParamProblem> problems = providers.get("ec2").validate("app",
                Map.of("ec2", Map.of("image_id", "ami-1", "instance_type", "t3.small", "address", "ipv6")));

        assertThat(problems).extracting(ParamProblem::path).containsExactly("ec2.address");
        assertThat(problems.get(0).message()).isEqualTo("ec2.address must be one of public, private, elastic_ip, found ipv6");
    }

    @Test
    void ec2AcceptsVolumesASeedChoiceAndAnElasticIp() {
        Map<String, Object> ec2 = Map.of("image_id", "ami-1", "instance_type", "t3.small", "seed", "none",
                "elastic_ip", "allocate", "address", "elastic_ip", "status_checks", false, "snapshot_timeout", "2h",
                "volumes", List.of(Map.of("device", "/dev/sdf", "size_gb", 100, "type", "gp3", "iops", 3000,
                        "throughput", 125, "encrypted", true, "delete_on_termination", false)));

        assertThat(providers.get("ec2").validate("db", Map.of("ec2", ec2))).isEmpty();
        assertThat(providers.get("ec2").validate("db", Map.of("ec2", Map.of("image_id", "ami-1", "instance_type", "t3.small",
                "elastic_ip", "eipalloc-0123456789abcdef0")))).isEmpty();
        assertThat(providers.get("ec2").validate("db", Map.of("ec2", Map.of("image_id", "ami-1", "instance_type", "t3.small",
                "elastic_ip", "203.0.113.10")))).isEmpty();
    }

    @Test
    void eachVolumeIsCheckedWithItsIndexAndUnknownKeysGetADidYouMean() {
        Map<String, Object> ec2 = Map.of("image_id", "ami-1", "instance_type", "t3.small", "volumes", List.of(
                Map.of("device", "/dev/sdf", "size_gb", 100),
                Map.of("device", "/dev/sdg", "sise_gb", 10, "type", "gp9"),
                "/dev/sdh"));

        List<ParamProblem> problems = providers.get("ec2").validate("db", Map.of("ec2", ec2));

        assertThat(problems).extracting(ParamProblem::path).containsExactlyInAnyOrder(
                "ec2.volumes[1].size_gb", "ec2.volumes[1].type", "ec2.volumes[1].sise_gb", "ec2.volumes[2]");
        ParamProblem typo = problems.stream().filter(p -> p.path().equals("ec2.volumes[1].sise_gb")).findFirst().orElseThrow();
        assertThat(typo.message()).isEqualTo("unknown setting 'sise_gb' of the ec2.volumes[1] entry");
        assertThat(typo.fix()).startsWith("did you mean 'size_gb'?");
    }

    @Test
    void anElasticIpMustBeAllocateAnAllocationIdOrAnAddressAndAddressElasticIpNeedsOne() {
        List<ParamProblem> wrong = providers.get("ec2").validate("web", Map.of("ec2", Map.of("image_id", "ami-1",
                "instance_type", "t3.small", "elastic_ip", "yes")));
        List<ParamProblem> missing = providers.get("ec2").validate("web", Map.of("ec2", Map.of("image_id", "ami-1",
                "instance_type", "t3.small", "address", "elastic_ip")));

        assertThat(wrong).extracting(ParamProblem::path).containsExactly("ec2.elastic_ip");
        assertThat(wrong.get(0).message()).contains("allocate, an allocation id (eipalloc-...) or a public IPv4 address, found yes");
        assertThat(missing).extracting(ParamProblem::path).containsExactly("ec2.address");
        assertThat(missing.get(0).message()).isEqualTo("ec2.address is elastic_ip, but the node has no ec2.elastic_ip");
    }

    @Test
    void rdsAcceptsTheExampleBlockWithEverySeedForm() {
        for (Object seed : List.of("snapshot", "none", Map.of("snapshot", "shop-base-2026"), Map.of("restore_time", "latest"),
                Map.of("restore_time", "2026-12-01T10:00:00Z"))) {
            Map<String, Object> rds = Map.of("engine", "postgres", "engine_version", "16.3", "instance_class", "db.t4g.small",
                    "password", "${env:DB_PASSWORD}", "parameters", Map.of("max_connections", 200, "log_connections", true),
                    "security_groups", List.of("sg-0123"), "seed", seed);

            assertThat(providers.get("rds").validate("db", Map.of("rds", rds))).as("seed %s", seed).isEmpty();
        }
    }

    @Test
    void rdsSeedOfAnotherFormIsAProblemNamingTheForms() {
        List<ParamProblem> problems = providers.get("rds").validate("db", Map.of("rds", Map.of("engine", "postgres",
                "instance_class", "db.t4g.small", "seed", "snapshots")));

        assertThat(problems).extracting(ParamProblem::path).containsExactly("rds.seed");
        assertThat(problems.get(0).message()).startsWith("rds.seed must be one of snapshot (the default), none, {snapshot: SNAPSHOT_ID}");
    }

    @Test
    void rdsSeedWithAMisspelledKeyGetsADidYouMean() {
        List<ParamProblem> problems = providers.get("rds").validate("db", Map.of("rds", Map.of("engine", "postgres",
                "instance_class", "db.t4g.small", "seed", Map.of("snapshto", "base"))));

        assertThat(problems).extracting(ParamProblem::path).containsExactly("rds.seed.snapshto");
        assertThat(problems.get(0).fix()).startsWith("did you mean 'snapshot'?");
    }

    @Test
    void rdsRestoreTimeMustBeLatestOrAnInstant() {
        List<ParamProblem> problems = providers.get("rds").validate("db", Map.of("rds", Map.of("engine", "postgres",
                "instance_class", "db.t4g.small", "seed", Map.of("restore_time", "yesterday"))));

        assertThat(problems).extracting(ParamProblem::message)
                .containsExactly("rds.seed.restore_time must be latest or an ISO-8601 instant, found yesterday");
    }

    @Test
    void anUnknownRdsKeyIsAProblemWithADidYouMean() {
        List<ParamProblem> problems = providers.get("rds").validate("db", Map.of("rds", Map.of("engine", "postgres",
                "instance_class", "db.t4g.small", "paramaters", Map.of("max_connections", 200))));

        assertThat(problems).extracting(ParamProblem::path).containsExactly("rds.paramaters");
        assertThat(problems.get(0).fix()).startsWith("did you mean 'parameters'?");
    }

    @Test
    void aPasswordWrittenInTheConfigurationIsAProblemThatDoesNotShowIt() {
        List<ParamProblem> problems = providers.get("rds").validate("db", Map.of("rds", Map.of("engine", "postgres",
                "instance_class", "db.t4g.small", "password", "hunter2hunter2")));

        assertThat(problems).extracting(ParamProblem::path).containsExactly("rds.password");
        assertThat(problems.get(0).message() + problems.get(0).fix()).doesNotContain("hunter2").contains("${env:DB_PASSWORD}");
    }

    @Test
    void rdsParametersMustBeAFlatMapWithAFamilyAndNoParameterGroup() {
        List<ParamProblem> nested = providers.get("rds").validate("db", Map.of("rds", Map.of("engine", "postgres",
                "engine_version", "16", "instance_class", "db.t4g.small", "parameters", Map.of("work_mem", List.of(1, 2)))));
        List<ParamProblem> both = providers.get("rds").validate("db", Map.of("rds", Map.of("engine", "postgres",
                "engine_version", "16", "instance_class", "db.t4g.small", "parameter_group", "mine",
                "parameters", Map.of("work_mem", 64))));
        List<ParamProblem> noFamily = providers.get("rds").validate("db", Map.of("rds", Map.of("engine", "postgres",
                "instance_class", "db.t4g.small", "parameters", Map.of("work_mem", 64))));

        assertThat(nested).extracting(ParamProblem::path).containsExactly("rds.parameters.work_mem");
        assertThat(both).extracting(ParamProblem::message).containsExactly("rds.parameters and rds.parameter_group are both set");
        assertThat(noFamily).extracting(ParamProblem::fix).singleElement().asString().contains("parameter_group_family");
    }
}
