package io.neckbeard.cli;

import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shrunk JAR (docs/architecture.md, "The fat JAR: shaded, shrunk, packed") still resolves the AWS
 * profiles whose credential providers the SDK finds by class name or runs as a process: an
 * s3-yaml {@code status} against moto, with no keys in the environment, through a
 * {@code credential_process} profile, a {@code role_arn} profile over it (STS AssumeRole) and a
 * web-identity profile (STS AssumeRoleWithWebIdentity; moto accepts any token).
 */
@ExtendWith(MotoExtension.class)
class ShrunkJarCredentialsIT {
    private static final String BUCKET = "profile-state";

    private final MotoServer moto;
    @TempDir
    Path temp;
    private Path project;
    private Path awsConfig;

    ShrunkJarCredentialsIT(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void s3ProjectAndProfiles() throws Exception {
        moto.createS3Bucket(BUCKET);
        project = Fixtures.copy("projects/coordinated", temp.resolve("project"));
        Path config = project.resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config).replaceFirst("(?m)^coordinator: .*$",
                "coordinator: {type: s3-yaml, bucket: " + BUCKET + ", prefix: shop/}"));
        Path process = temp.resolve("credentials.sh");
        Files.writeString(process, """
                #!/bin/sh
                echo '{"Version": 1, "AccessKeyId": "testing", "SecretAccessKey": "testing"}'
                """);
        Files.setPosixFilePermissions(process, PosixFilePermissions.fromString("rwx------"));
        Path token = Files.writeString(temp.resolve("oidc-token"), "a-token-from-the-ci-oidc-provider");
        awsConfig = Files.writeString(temp.resolve("aws-config"), """
                [profile process]
                region = us-east-1
                credential_process = %s

                [profile role]
                region = us-east-1
                role_arn = arn:aws:iam::123456789012:role/deployer
                source_profile = process

                [profile web-identity]
                region = us-east-1
                role_arn = arn:aws:iam::123456789012:role/deployer
                web_identity_token_file = %s
                """.formatted(process, token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "role", "web-identity"})
    void statusReachesS3ThroughTheProfile(String profile) throws Exception {
        Map<String, String> environment = new HashMap<>(moto.awsEnvironment());
        environment.put("AWS_ACCESS_KEY_ID", "");
        environment.put("AWS_SECRET_ACCESS_KEY", "");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-credentials").toString());
        environment.put("AWS_CONFIG_FILE", awsConfig.toString());
        environment.put("AWS_PROFILE", profile);

        JarProcess status = JarProcess.start(project, temp.resolve("logs"), "status-" + profile, environment,
                "status", "production");

        assertThat(status.await()).as(status.err()).isZero();
        assertThat(status.out()).contains("not locked");
    }
}
