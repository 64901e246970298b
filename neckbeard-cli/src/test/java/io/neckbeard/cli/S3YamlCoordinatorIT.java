package io.neckbeard.cli;

import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded JAR with {@code coordinator: {type: s3-yaml}} against S3 on moto, configured as a user
 * would configure it: AWS_ENDPOINT_URL, AWS_REGION and credentials in the environment.
 */
@ExtendWith(MotoExtension.class)
class S3YamlCoordinatorIT {
    private static final String BUCKET = "team-state";

    private final MotoServer moto;
    @TempDir
    Path temp;
    private Path project;
    private Path logs;

    S3YamlCoordinatorIT(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void s3Project() throws Exception {
        moto.createS3Bucket(BUCKET);
        project = Fixtures.copy("projects/coordinated", temp.resolve("project"));
        logs = temp.resolve("logs");
        useCoordinator("coordinator: {type: s3-yaml, bucket: " + BUCKET + ", prefix: shop/}");
    }

    @Test
    void varsStatusHistoryAndLockWorkAcrossMachinesThroughS3() throws Exception {
        JarProcess set = run("set", "vars", "production", "set", "DATABASE_URL=postgres://u:hunter2@db/shop");
        assertThat(set.await()).as(set.err()).isZero();

        JarProcess status = run("status", "status", "production", "-o", "json");
        assertThat(status.await()).as(status.err()).isZero();
        assertThat(status.out()).contains("\"lock\" : null");

        JarProcess history = run("history", "history", "production");
        assertThat(history.await()).as(history.err()).isZero();
        assertThat(history.out()).contains("vars production set DATABASE_URL=***").doesNotContain("hunter2");

        // Another machine holds the lock: its record is all this one sees of it.
        moto.putS3Object(BUCKET, "shop/production/lock.yml", String.join("\n", "holder: carol@ci-runner-7",
                "host: ci-runner-7", "pid: 4242", "command: up", "acquired_at: \"2030-01-01T10:00:00Z\"",
                "expires_at: \"2999-01-01T10:00:00Z\"", "token: 6f0c2b9e-carol", ""));
        JarProcess lockStatus = run("lock-status", "lock", "status", "production");
        assertThat(lockStatus.await()).as(lockStatus.err()).isZero();
        assertThat(lockStatus.out()).contains("carol@ci-runner-7");
        JarProcess locked = run("locked", "vars", "production", "set", "LOG_LEVEL=debug");
        assertThat(locked.await()).isEqualTo(3);
        assertThat(locked.err()).contains("carol@ci-runner-7").contains("lock release production --force");

        JarProcess released = run("release", "lock", "release", "production", "--force");
        assertThat(released.await()).as(released.err()).isZero();
        JarProcess after = run("after", "vars", "production", "set", "LOG_LEVEL=debug");
        assertThat(after.await()).as(after.err()).isZero();
        JarProcess trail = run("trail", "history", "production", "-o", "json");
        assertThat(trail.await()).as(trail.err()).isZero();
        assertThat(trail.out()).contains("lock release --force").contains("carol@ci-runner-7").doesNotContain("hunter2");
    }

    @Test
    void missingCredentialsAreExitTwoWithTheFixAndNoStackTrace() throws Exception {
        Map<String, String> environment = new HashMap<>(moto.awsEnvironment());
        environment.put("AWS_ACCESS_KEY_ID", "");
        environment.put("AWS_SECRET_ACCESS_KEY", "");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-credentials").toString());
        environment.put("AWS_CONFIG_FILE", temp.resolve("no-config").toString());

        JarProcess status = JarProcess.start(project, logs, "no-credentials", environment, "status", "production");

        assertThat(status.await()).isEqualTo(2);
        assertThat(status.err()).contains("no AWS credentials").contains("AWS_PROFILE").doesNotContain("\tat ");
    }

    @Test
    void aMissingBucketIsExitTwoNamingItAndTheSetting() throws Exception {
        useCoordinator("coordinator: {type: s3-yaml, bucket: not-created-yet}");

        JarProcess status = run("no-bucket", "status", "production");

        assertThat(status.await()).isEqualTo(2);
        assertThat(status.err()).contains("not-created-yet").contains("coordinator.bucket").doesNotContain("\tat ");
    }

    /** The class-loading log of the JVM shows that a local-yaml command never touches the SDK, and an s3-yaml one does. */
    @Test
    void onlyACommandThatUsesS3LoadsTheAwsSdk() throws Exception {
        Map<String, String> verbose = new HashMap<>(moto.awsEnvironment());
        verbose.put("JAVA_TOOL_OPTIONS", "-verbose:class");
        JarProcess s3 = JarProcess.start(project, logs, "s3-classes", verbose, "status", "production");
        assertThat(s3.await()).as(s3.err()).isZero();
        assertThat(s3.out()).contains("software.amazon.awssdk.services.s3.S3Client");

        useCoordinator("coordinator: {type: local-yaml, path: .neckbeard/state}");
        JarProcess local = JarProcess.start(project, logs, "local-classes", verbose, "-v", "status", "production");

        assertThat(local.await()).as(local.err()).isZero();
        // the ec2 project's status, with -v: the run's (empty) AWS call count is read and its clients closed
        assertThat(local.out()).contains("io.neckbeard.coordinator.s3yaml.S3YamlBackendFactory")
                .contains("io.neckbeard.plugin.ApiCalls").doesNotContain("software.amazon");
        assertThat(local.err()).doesNotContain("aws calls");
    }

    private JarProcess run(String name, String... args) throws Exception {
        return JarProcess.start(project, logs, name, moto.awsEnvironment(), args);
    }

    private void useCoordinator(String line) throws Exception {
        Path config = project.resolve("neckbeard/config.yml");
        Files.writeString(config, Files.readString(config).replaceFirst("(?m)^coordinator: .*$", line));
    }
}
