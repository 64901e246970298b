package io.neckbeard.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.neckbeard.cli.testing.Cli;
import io.neckbeard.testing.moto.SdkOnMoto;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS API calls of a command: totals on stderr with -v, "aws_calls" in -o json; nothing for a command without any. */
@ExtendWith(MotoExtension.class)
class AwsCallsOutputTest {
    @TempDir
    Path dir;
    private Cli cli;

    @BeforeEach
    void ec2ProjectOnMoto(MotoServer moto) throws IOException {
        SdkOnMoto.use(moto);
        Path project = Fixtures.copy("projects/coordinated", dir.resolve("project"));
        Files.writeString(project.resolve("Procfile"), "web: python3 -m http.server $PORT\n");
        cli = Cli.with("-C", project.toString());
    }

    @AfterEach
    void clearAwsSettings() {
        SdkOnMoto.clear();
    }

    @Test
    void planOfAnEc2EnvironmentCountsItsOneDiscoverCall() {
        Cli.Run json = cli.run("plan", "production", "-o", "json");
        Cli.Run verbose = cli.run("plan", "production", "-v");

        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode calls = json.json().get("aws_calls");
        assertThat(calls.fieldNames()).toIterable().containsExactly("EC2.DescribeInstances");
        assertThat(calls.get("EC2.DescribeInstances").asLong()).isEqualTo(1);
        assertThat(verbose.exit()).as(verbose.err()).isZero();
        assertThat(verbose.err()).contains("aws calls: 1 (EC2.DescribeInstances 1)");
    }

    @Test
    void aCallThatFailedIsCountedAndShownInTheErrorDocument() {
        SdkOnMoto.use(URI.create("http://127.0.0.1:9")); // a closed loopback port: every attempt is refused

        Cli.Run json = cli.run("plan", "production", "-o", "json");

        assertThat(json.exit()).as(json.err()).isEqualTo(1);
        assertThat(json.json().get("error").get("message").asText()).contains("discover the ec2 nodes of production");
        assertThat(json.json().get("aws_calls").get("EC2.DescribeInstances").asLong()).isEqualTo(1);
    }

    @Test
    void aCommandThatNeverCallsAwsShowsNoCalls() {
        Cli.Run json = cli.run("check", "-o", "json", "-v");
        Cli.Run text = cli.run("status", "production", "-v");

        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.json().has("aws_calls")).isFalse();
        assertThat(json.err()).doesNotContain("aws calls");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.err()).doesNotContain("aws calls");
    }
}
