package io.neckbeard.coordinator;

import io.neckbeard.coordinator.s3yaml.S3YamlBackendFactory;
import io.neckbeard.coordinator.simpledb.SimpleDbBackendFactory;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.ValidationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What check reports about the settings of the shared backends, before any AWS call. */
class SharedBackendSettingsTest {
    private static final ValidationContext OFFLINE = new ValidationContext(null, List.of());

    @Test
    void s3YamlReportsAMisspelledKeyWithTheRightOneAndAMissingBucket() {
        List<ParamProblem> problems = new S3YamlBackendFactory().validate(Map.of("buckt", "team-state"), OFFLINE);

        assertThat(problems).extracting(ParamProblem::path).containsExactly("buckt", "");
        assertThat(problems.get(0).fix()).contains("'bucket'");
        assertThat(problems.get(1).message()).contains("coordinator.bucket is missing");
    }

    @Test
    void s3YamlAcceptsItsDocumentedSettings() {
        assertThat(new S3YamlBackendFactory().validate(Map.of("bucket", "team-state", "prefix", "neckbeard/",
                "aws", Map.of("profile", "deploy")), OFFLINE)).isEmpty();
    }

    @Test
    void simpleDbReportsAMissingDomainAndAnUnknownKey() {
        List<ParamProblem> problems = new SimpleDbBackendFactory().validate(Map.of("mirorr", ".neckbeard/mirror"), OFFLINE);

        assertThat(problems).extracting(ParamProblem::path).containsExactly("mirorr", "domain");
        assertThat(problems.get(0).fix()).contains("'mirror'");
    }

    @Test
    void simpleDbAcceptsItsDocumentedSettings() {
        assertThat(new SimpleDbBackendFactory().validate(Map.of("domain", "shop", "mirror", "m", "aws", Map.of("profile", "p")), OFFLINE))
                .isEmpty();
    }
}
