package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ClientsTest {
    @Test
    void theS3SpecificEndpointWinsOverTheGeneralOneAndAPropertyOverAVariable() {
        Map<String, String> environment = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:2");

        assertThat(S3Clients.endpointOverride(name -> null, environment::get)).contains(URI.create("http://127.0.0.1:2"));
        assertThat(S3Clients.endpointOverride(Map.of("aws.endpointUrlS3", "http://127.0.0.1:3")::get, environment::get))
                .contains(URI.create("http://127.0.0.1:3"));
        assertThat(S3Clients.endpointOverride(name -> null, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1")::get))
                .contains(URI.create("http://127.0.0.1:1"));
        assertThat(S3Clients.endpointOverride(name -> null, name -> null)).isEmpty();
    }

    @Test
    void anEndpointThatIsNotAUrlIsExitTwoNamingTheVariable() {
        assertThatThrownBy(() -> S3Clients.endpointOverride(name -> null, Map.of("AWS_ENDPOINT_URL", "http://bad host")::get))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @Test
    void settingsRequireABucketAndEndThePrefixWithASlash() {
        assertThatThrownBy(() -> S3YamlSettings.of(Map.of("prefix", "x/"), null))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("coordinator.bucket");
        assertThat(S3YamlSettings.of(Map.of("bucket", "b", "prefix", "team/state"), null).prefix()).isEqualTo("team/state/");
        assertThat(S3YamlSettings.of(Map.of("bucket", "b"), null).prefix()).isEqualTo("neckbeard/");
        assertThat(S3YamlSettings.of(Map.of("bucket", "b", "aws", Map.of("profile", "ci")), "eu-west-1"))
                .isEqualTo(new S3YamlSettings("b", "neckbeard/", "ci", "eu-west-1"));
    }
}
