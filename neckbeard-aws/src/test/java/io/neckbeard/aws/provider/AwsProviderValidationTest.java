package io.neckbeard.aws.provider;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.ResourceProviderFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void rdsCannotLaunchYetAndSaysSo() {
        ProviderContext context = new ProviderContext(Path.of("."), "app", "us-east-1");

        assertThatThrownBy(() -> providers.get("rds").create(context)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("rds provider cannot launch");
    }
}
