package io.neckbeard.config;

import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.model.Project;
import io.neckbeard.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** config.yml's {@code aws: {profile: NAME}}: the AWS profile of the providers (a typo in it: invalid/aws-unknown-setting). */
class AwsProfileSettingTest {
    @TempDir
    Path temp;

    @Test
    void theProjectNamesTheProfileOfItsAwsBlock() throws Exception {
        Path root = Fixtures.copy("projects/aws-profile", temp.resolve("project"));

        Project project = new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of());

        assertThat(project.awsProfile()).isEqualTo("deploy");
        assertThat(project.region()).isEqualTo("eu-west-1");
    }

    @Test
    void withoutAnAwsBlockThereIsNoProfile() throws Exception {
        Path root = Fixtures.copy("projects/provisioner-settings-without-value", temp.resolve("project"));

        assertThat(new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of()).awsProfile()).isNull();
    }
}
