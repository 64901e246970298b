package io.neckbeard.aws;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.plugin.ApiCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** config.yml's {@code aws.profile} picks the credentials (and, without {@code region:}, the region) of the EC2 client. Nothing is called. */
class AwsClientsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void profiles() throws IOException {
        // the SDK reads its profile files from these system properties before AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE
        System.setProperty("aws.configFile", Files.writeString(dir.resolve("config"), """
                [profile deploy]
                region = eu-central-1
                """).toString());
        System.setProperty("aws.sharedCredentialsFile", Files.writeString(dir.resolve("credentials"), """
                [deploy]
                aws_access_key_id = AKIDDEPLOY
                aws_secret_access_key = not-a-secret
                """).toString());
    }

    @AfterEach
    void forget() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    @Test
    void aNamedProfileGivesTheCredentialsAndTheRegionWhenConfigYmlNamesNone() {
        try (AwsClients clients = new AwsClients(null, "deploy", new ApiCalls())) {
            Ec2Client ec2 = clients.ec2();
            assertThat(ec2.serviceClientConfiguration().credentialsProvider().resolveIdentity().join().accessKeyId()).isEqualTo("AKIDDEPLOY");
            assertThat(ec2.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
        }
    }

    @Test
    void configYmlsRegionWinsOverTheProfiles() {
        try (AwsClients clients = new AwsClients("us-east-1", "deploy", new ApiCalls())) {
            Ec2Client ec2 = clients.ec2();
            assertThat(ec2.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        }
    }

    @Test
    void aProfileWithoutCredentialsIsAConfigurationProblemNamingIt() {
        try (AwsClients clients = new AwsClients("us-east-1", "nope", new ApiCalls())) {
            Ec2Client ec2 = clients.ec2();
            assertThatThrownBy(() -> {
                try {
                    ec2.describeInstances();
                } catch (RuntimeException e) {
                    throw AwsErrors.translate(e, "discover the ec2 nodes of production");
                }
            }).isInstanceOfSatisfying(NeckbeardException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(e.getMessage()).isEqualTo("cannot discover the ec2 nodes of production: the AWS profile 'nope' has no credentials");
                assertThat(e.remedy()).contains("aws: {profile: NAME}");
            });
        }
    }
}
